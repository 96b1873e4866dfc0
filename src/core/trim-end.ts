/**
 * Text without a trailing run of the characters `drop` accepts. A loop from the end: the regular
 * expression it replaces (`/[…]+$/`) retries from every character of a long run that does not
 * reach the end, which is quadratic.
 */
export function trimEndWhere(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1] as string)) end--;
  return text.slice(0, end);
}
