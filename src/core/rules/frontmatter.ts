import { HANDLE } from '../handle.js';
import { parseTimestamp, validDate } from '../time.js';
import { STATUSES, type Status } from '../types.js';
import { defineRule, frontMatterEnd } from './rule.js';

const REQUIRED: Record<Status, string[]> = {
  draft: ['title', 'status', 'date'],
  'in-review': ['title', 'status', 'date', 'severity', 'owner', 'started_at', 'detected_at'],
  published: [
    'title',
    'status',
    'date',
    'severity',
    'owner',
    'reviewers',
    'started_at',
    'detected_at',
    'mitigated_at',
    'resolved_at',
  ],
  closed: [
    'title',
    'status',
    'date',
    'severity',
    'owner',
    'reviewers',
    'started_at',
    'detected_at',
    'mitigated_at',
    'resolved_at',
  ],
};
const TIMESTAMPS = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'];

export const frontmatter = defineRule({
  id: 'frontmatter',
  description:
    'Front matter fields are present for the status and well typed: status, severity, dates, handles.',
  defaultLevel: 'status',
  example: {
    bad: '---\ntitle: DB outage\nstatus: in-review\ndate: 2026-11-31\n---',
    good: '---\ntitle: DB outage\nstatus: draft\ndate: 2026-11-20\n---',
  },
  check({ postmortem, config, report }) {
    const fm = postmortem.frontMatter;
    for (const error of fm.errors) report({ position: error.position, message: error.message });
    if (!fm.present) {
      if (fm.errors.length === 0) {
        report({
          position: { line: 1, column: 1 },
          message:
            'No front matter: a postmortem starts with a `---` block (title, status, severity, date, owner).',
          suggestion:
            '---\ntitle: "…"\nstatus: draft\nseverity: SEV2\ndate: YYYY-MM-DD\nowner: "@you"\n---',
        });
      }
      return;
    }
    if (fm.errors.length > 0) return;

    const field = (key: string) => fm.fields.get(key);
    const at = (key: string) => field(key)?.position ?? frontMatterEnd(postmortem);
    const status = fm.data.status;
    const known = typeof status === 'string' && (STATUSES as readonly string[]).includes(status);
    if (status !== undefined && status !== null && !known) {
      report({
        position: at('status'),
        message: `status "${String(status)}" is not one of ${STATUSES.join(', ')}.`,
      });
    }
    for (const key of REQUIRED[known ? (status as Status) : 'draft']) {
      const value = fm.data[key];
      if (
        value === undefined ||
        value === null ||
        value === '' ||
        (Array.isArray(value) && value.length === 0)
      ) {
        report({
          position: at(key),
          message: `\`${key}\` is required${known && status !== 'draft' ? ` when status is ${String(status)}` : ''}.`,
        });
      }
    }

    const severity = fm.data.severity;
    if (
      severity !== undefined &&
      severity !== null &&
      !config.severities.includes(String(severity))
    ) {
      report({
        position: at('severity'),
        message: `severity "${String(severity)}" is not one of ${config.severities.join(', ')}.`,
      });
    }
    for (const key of ['date', 'due']) {
      const value = fm.data[key];
      if (
        value !== undefined &&
        value !== null &&
        !(typeof value === 'string' && validDate(value))
      ) {
        report({
          position: at(key),
          message: `\`${key}\` must be a real day written YYYY-MM-DD, not "${String(value)}".`,
        });
      }
    }
    for (const key of TIMESTAMPS) {
      const value = fm.data[key];
      if (value === undefined || value === null || value === '') continue;
      const parsed = parseTimestamp(value);
      if ('error' in parsed) {
        report({
          position: at(key),
          message:
            parsed.error === 'zone'
              ? `\`${key}\` has no time zone, so its meaning depends on who reads it.`
              : `\`${key}\` is not a timestamp: "${String(value)}".`,
          suggestion: `${key}: 2026-11-20T14:30:00Z`,
        });
      }
    }
    const owner = fm.data.owner;
    if (
      owner !== undefined &&
      owner !== null &&
      owner !== '' &&
      !(typeof owner === 'string' && HANDLE.test(owner))
    ) {
      report({
        position: at('owner'),
        message: `owner must be a GitHub handle such as "@octocat", not "${String(owner)}".`,
      });
    }
    const reviewers = fm.data.reviewers;
    if (reviewers !== undefined && reviewers !== null) {
      const list = Array.isArray(reviewers) ? reviewers : [reviewers];
      const bad = list.filter((reviewer) => typeof reviewer !== 'string' || !HANDLE.test(reviewer));
      if (!Array.isArray(reviewers) || bad.length > 0) {
        report({
          position: at('reviewers'),
          message: `reviewers must be a list of handles ("@alice") or teams ("@org/team")${bad.length ? `; not ${bad.map(String).join(', ')}` : ''}.`,
        });
      }
    }
    for (const key of ['tags', 'services']) {
      const value = fm.data[key];
      if (
        value !== undefined &&
        value !== null &&
        !(Array.isArray(value) && value.every((v) => typeof v === 'string'))
      ) {
        report({
          position: at(key),
          message: `\`${key}\` must be a list of words, such as [database, deployment].`,
        });
      }
    }
    const incident = fm.data.incident;
    if (incident !== undefined && incident !== null && incident !== '') {
      const ok =
        (typeof incident === 'number' && Number.isInteger(incident) && incident > 0) ||
        (typeof incident === 'string' &&
          /^(?:[\w.-]+\/[\w.-]+#|#)?\d+$|^https?:\/\/\S+$/.test(incident));
      if (!ok)
        report({
          position: at('incident'),
          message: `incident must be an issue number, owner/repo#123 or a URL, not "${String(incident)}".`,
        });
    }
  },
});
