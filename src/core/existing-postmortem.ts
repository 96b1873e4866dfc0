import { formatISO, parseISO, subDays } from 'date-fns';
import { parsePostmortem } from './parse-postmortem.js';

/**
 * Files in the postmortem folder that could be an incident's postmortem, without reading them
 * all: those dated the day its issue was opened or the day before (an incident often starts
 * before anyone files it, and `date` is the day it started). Names follow `YYYY-MM-DD-slug.md`.
 */
export function postmortemCandidates(paths: readonly string[], issueCreatedAt: string): string[] {
  const day = issueCreatedAt.slice(0, 10);
  const before = formatISO(subDays(parseISO(day), 1), { representation: 'date' });
  return paths.filter((path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return name.startsWith(`${day}-`) || name.startsWith(`${before}-`);
  });
}

/**
 * Whether a postmortem's front matter names the incident: `incident: 12`, `"#12"`, this
 * repository's `owner/repo#12`, or its issue URL. Another repository's #12 is not ours.
 */
export function isPostmortemOf(input: {
  path: string;
  text: string;
  incident: number;
  repo: string;
}): boolean {
  const value = parsePostmortem(input.path, input.text).frontMatter.data.incident;
  if (typeof value === 'number') return value === input.incident;
  if (typeof value !== 'string') return false;
  const match =
    // `owner/repo#12` needs its `#`: without it the repository and the number ran into each other
    // (`o/r12` read as o/r1, #2) and the match was quadratic in a long value.
    /^(?:([\w.-]+\/[\w.-]+)#|#)?(\d+)$/.exec(value.trim()) ??
    /^https?:\/\/[^/]+\/([\w.-]+\/[\w.-]+)\/(?:issues|pull)\/(\d+)\/?$/.exec(value.trim());
  if (!match) return false;
  const [, repo, number] = match;
  return (
    Number(number) === input.incident &&
    (repo === undefined || repo.toLowerCase() === input.repo.toLowerCase())
  );
}
