import { firstDate } from './import/infer-front-matter.js';
import { findSection } from './parse-postmortem.js';
import { parseTimeAt, validDate } from './time.js';
import type { Position, Postmortem } from './types.js';

/** One place where a postmortem disagrees with itself. */
export interface Contradiction {
  position: Position;
  message: string;
}

const DAY = 86_400_000;
/** A date with a time after it, as summaries write key times: "2019-02-25 23:04", "Feb 25, 2019 at 23:04". */
const KEY_TIME = /\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}\b/g;

/**
 * Where a postmortem contradicts itself: the day in its title against the day in its file name
 * (or its `date`), and a key time in the Summary or Impact more than a day outside the timeline.
 */
export function contradictions(postmortem: Postmortem): Contradiction[] {
  const out: Contradiction[] = [];
  const base = postmortem.path.slice(postmortem.path.lastIndexOf('/') + 1);
  const named = /^(\d{4}-\d{2}-\d{2})/.exec(base)?.[1] ?? null;
  const written =
    typeof postmortem.frontMatter.data.date === 'string' ? postmortem.frontMatter.data.date : null;
  const fileDay =
    named && validDate(named) ? named : written && validDate(written) ? written : null;

  // 1. The title's day against the file's.
  const titleText =
    postmortem.title?.text ??
    (typeof postmortem.frontMatter.data.title === 'string'
      ? postmortem.frontMatter.data.title
      : '');
  const titleDay = firstDate(titleText);
  if (fileDay && titleDay && titleDay !== fileDay) {
    out.push({
      position: postmortem.title?.position ??
        postmortem.frontMatter.fields.get('title')?.position ?? { line: 1, column: 1 },
      message: `The title says ${titleDay} but the file is dated ${fileDay}${named ? ' by its name' : ''}.`,
    });
  }

  // 2. Key times in the Summary and Impact against the timeline's days (or the file's day).
  const instants = postmortem.timeline
    .filter((entry) => entry.dated && entry.instant !== null)
    .map((entry) => entry.instant as number);
  const from = instants.length > 0 ? Math.min(...instants) : fileDay ? Date.parse(fileDay) : null;
  const to = instants.length > 0 ? Math.max(...instants) : from === null ? null : from + DAY;
  if (from === null || to === null) return out;
  for (const key of ['summary', 'impact'] as const) {
    const section = findSection(postmortem, key);
    if (!section) continue;
    for (let line = section.bodyStartLine; line <= section.bodyEndLine; line++) {
      const text = postmortem.lines[line - 1] ?? '';
      for (const match of text.matchAll(KEY_TIME)) {
        const time = parseTimeAt(match[0]);
        if (!time?.date) continue;
        const at = Date.parse(time.date) + time.minutes * 60_000;
        if (at >= from - DAY && at <= to + DAY) continue;
        const column = (match.index ?? 0) + 1;
        out.push({
          position: { line, column, endLine: line, endColumn: column + match[0].length },
          message: `"${match[0]}" in the ${key === 'summary' ? 'Summary' : 'Impact'} is more than a day from the timeline (${new Date(from).toISOString().slice(0, 10)} to ${new Date(to).toISOString().slice(0, 10)}).`,
        });
      }
    }
  }
  return out;
}
