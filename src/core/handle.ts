/** A GitHub handle as postmortems write it: `@login`, or `@org/team` for a team. */
export const HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][\w.-]*)?$/;

/** A handle's person or team, without the `@`. */
export function parseHandle(handle: string): { login: string } | { org: string; team: string } {
  const [first, team] = handle.replace(/^@/, '').split('/') as [string, string | undefined];
  return team === undefined ? { login: first } : { org: first, team };
}
