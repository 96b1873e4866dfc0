/**
 * Phrases that put a person where a systemic cause belongs. Shared by the rules that judge
 * root causes, so they agree on what "stops at a person" means.
 */
export const HUMAN_ERROR =
  /\b(?:human|operator|user|engineer|manual|personnel|staff|pilot|developer)\s+(?:error|mistake|failure|negligence)s?\b|\b(?:made|make|makes)\s+(?:a|an)\s+(?:mistake|error)\b|\bmistake\s+(?:by|of)\b|\bhuman\s+factors?\b/i;

export const STOPS_AT_PERSON =
  /(?:(?<![\w`])@[\w-]+|\b(?:he|she|they|someone|somebody|engineer|operator|developer|admin|on-?caller|team member)\b)[^.]*\b(?:forgot|did not|didn't|failed to|missed|neglected|ignored|mistyped|was careless|made a mistake)\b|\b(?:human|operator) error\b/i;
