/** Statuses that mean an action item needs no more work. */
export function isFinished(status: string | null): boolean {
  return (
    status !== null &&
    /^(?:done|closed|completed?|fixed|resolved|won'?t do|wontfix|not planned|cancell?ed|dropped)$/i.test(
      status.trim(),
    )
  );
}
