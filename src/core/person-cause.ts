/**
 * Phrases that put a person where a systemic cause belongs. Shared by the rules that judge
 * root causes, so they agree on what "stops at a person" means.
 */
export const HUMAN_ERROR =
  /\b(?:human|operator|user|engineer|manual|personnel|staff|pilot|developer)\s+(?:error|mistake|failure|negligence)s?\b|\b(?:made|make|makes)\s+(?:a|an)\s+(?:mistake|error)\b|\bmistake\s+(?:by|of)\b|\bhuman\s+factors?\b/i;

/** Who a chain of whys can stop at: a handle, a pronoun or a role. */
const PERSON =
  /(?<![\w`])@[\w-]|\b(?:he|she|they|someone|somebody|engineer|operator|developer|admin|on-?caller|team member)\b/gi;
/** What that person then did wrong. */
const LAPSE =
  /\b(?:forgot|did not|didn't|failed to|missed|neglected|ignored|mistyped|was careless|made a mistake)\b/gi;

/**
 * Whether a cause stops at a person: someone named, then in the same sentence (no `.` between)
 * something they failed to do, or "human/operator error". Read sentence by sentence with one
 * search for the first person and one for a lapse after it; the single expression it replaces
 * (`person[^.]*lapse`) retried the rest of the sentence from every person, quadratic.
 */
export function stopsAtPerson(text: string): boolean {
  if (/\b(?:human|operator) error\b/i.test(text)) return true;
  for (const sentence of text.split('.')) {
    PERSON.lastIndex = 0;
    const person = PERSON.exec(sentence);
    if (!person) continue;
    LAPSE.lastIndex = person.index + person[0].length;
    if (LAPSE.test(sentence)) return true;
  }
  return false;
}
