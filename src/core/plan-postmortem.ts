import type { Config } from './config-schema.js';
import { parseHandle } from './handle.js';
import { inertMarkdown, inertTitle, oneLine } from './inert.js';
import { incidentMarker, leadingMarker } from './markers.js';
import { newPostmortemPath, slugify } from './new-postmortem.js';
import { reviewDueDate } from './rules/review-due.js';
import type { TemplateValues, TimelineRow } from './template.js';

/** One event of the incident issue's timeline, as prefill reads it. */
export interface IncidentEvent {
  /** The event's id, for its anchor on the issue page (`#event-<id>`); null for comments. */
  id: number | null;
  event: string;
  actor: string | null;
  createdAt: string | null;
  label: string | null;
  assignee: string | null;
  commitId: string | null;
  /** `owner/repo` the referencing commit is in (from its API URL); null means the incident's. */
  commitRepo: string | null;
  source: { number: number; title: string; url: string; isPull: boolean } | null;
}

/** What the app knows about an incident issue, gathered by the gateway. */
export interface IncidentFacts {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  labels: string[];
  assignees: string[];
  /** Who applied the incident label. */
  labeledBy: string;
  events: IncidentEvent[];
  comments: { login: string; body: string; createdAt: string; url: string }[];
}

export interface PostmortemPlan {
  path: string;
  branch: string;
  values: TemplateValues;
  pullTitle: string;
  pullBody: string;
  /** Logins to ask for review: the owner, then `open.reviewers`' people. */
  reviewers: string[];
  /** `open.reviewers`' teams, to ask as teams. */
  teams: { org: string; team: string }[];
  owner: string;
}

const MAX_TITLE = 200;

/**
 * Turns an incident into the postmortem to open: file path (`<dir>/YYYY-MM-DD-<slug>.md`, safe
 * whatever the title), branch `hindsight/incident-<n>`, template values (severity from labels,
 * owner, due date in business days, a UTC timeline of the issue's events and comments) and the
 * pull request's title and body, with the title made inert (inert.ts): a hostile title renders
 * no link, image or HTML, pings nobody, hides no bytes and carries no marker.
 */
export function planPostmortem(incident: IncidentFacts, config: Config): PostmortemPlan {
  const date = incident.createdAt.slice(0, 10);
  const title = oneLine(incident.title) || `Incident #${incident.number}`;
  const slug = slugify(incident.title);
  const path = newPostmortemPath(
    config.directory,
    date,
    slug === 'incident' ? `incident ${incident.number}` : incident.title,
  );
  const owner = incident.assignees[0] ?? incident.labeledBy;
  const severity = severityFrom(incident.labels, config);
  const listed = config.open.reviewers.map(parseHandle);
  const shortTitle = title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;

  const values: TemplateValues = {
    title,
    incident: incident.number,
    incident_url: incident.url,
    date,
    severity,
    owner: `@${owner}`,
    reviewers: config.open.reviewers,
    tags: [],
    services: [],
    started_at: incident.createdAt,
    due: reviewDueDate(date, config.reviewDueBusinessDays),
    timeline: timelineOf(incident),
  };
  return {
    path,
    branch: `hindsight/incident-${incident.number}`,
    values,
    owner,
    reviewers: [...new Set([owner, ...listed.flatMap((h) => ('login' in h ? [h.login] : []))])],
    teams: listed.flatMap((h) => ('team' in h ? [h] : [])),
    pullTitle: inertTitle(`Postmortem: ${shortTitle}`),
    pullBody: [
      `Refs #${incident.number}`,
      '',
      `Postmortem for ${inertMarkdown(shortTitle)}, drafted from the incident issue: its timeline, severity${severity ? ` (${severity})` : ''} and owner (@${owner}) are prefilled.`,
      '',
      `Fill in \`${path}\`, set \`status: in-review\` when it is ready, and the postmortem check will hold it to the rules.`,
      '',
      incidentMarker(incident.number),
    ].join('\n'),
  };
}

/** The first severity a label maps to (`severityLabels`, case-insensitive), or a label that is itself a severity. */
export function severityFrom(labels: string[], config: Config): string | null {
  const map = new Map(
    Object.entries(config.severityLabels).map(([label, severity]) => [
      label.toLowerCase(),
      severity,
    ]),
  );
  for (const label of labels) {
    const mapped =
      map.get(label.toLowerCase()) ??
      config.severities.find((severity) => severity.toLowerCase() === label.toLowerCase());
    if (mapped) return mapped;
  }
  return null;
}

/** `2026-11-20 14:28`: the time as the timeline's `Time (UTC)` column shows it. */
export function utcMinute(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 16).replace('T', ' ');
}

function timelineOf(incident: IncidentFacts): TimelineRow[] {
  const rows: { at: string; row: TimelineRow }[] = [
    {
      at: incident.createdAt,
      row: {
        time: utcMinute(incident.createdAt),
        event: `Incident issue #${incident.number} opened`,
        link: incident.url,
      },
    },
  ];
  // Links to issue events are anchors on the incident's page; commits live under the web root.
  const web = /^(.*)\/([^/]+\/[^/]+)\/issues\/\d+$/.exec(incident.url);
  for (const event of incident.events) {
    if (!event.createdAt) continue;
    const by = event.actor ? ` by @${event.actor}` : '';
    let text: string | null = null;
    let link: string | undefined =
      event.id === null ? undefined : `${incident.url}#event-${event.id}`;
    switch (event.event) {
      case 'labeled':
        text = `Labeled "${event.label}"${by}`;
        break;
      case 'assigned':
        text = `Assigned to @${event.assignee}`;
        break;
      case 'closed':
        text = `Incident issue closed${by}`;
        break;
      case 'reopened':
        text = `Incident issue reopened${by}`;
        break;
      case 'cross-referenced':
        if (event.source) {
          text = `${event.source.isPull ? 'Pull request' : 'Issue'} #${event.source.number} references the incident: ${event.source.title}`;
          link = event.source.url;
        }
        break;
      case 'referenced':
        if (event.commitId) {
          text = `Commit ${event.commitId.slice(0, 7)} references the incident`;
          if (web) link = `${web[1]}/${event.commitRepo ?? web[2]}/commit/${event.commitId}`;
        }
        break;
    }
    if (text)
      rows.push({
        at: event.createdAt,
        row: { time: utcMinute(event.createdAt), event: text, ...(link ? { link } : {}) },
      });
  }
  for (const comment of incident.comments) {
    const first =
      comment.body
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? '';
    if (first === '' || leadingMarker(comment.body)) continue;
    rows.push({
      at: comment.createdAt,
      row: {
        time: utcMinute(comment.createdAt),
        event: `@${comment.login}: ${first.length > 140 ? `${first.slice(0, 139)}…` : first}`,
        link: comment.url,
      },
    });
  }
  return rows.sort((a, b) => a.at.localeCompare(b.at)).map(({ row }) => row);
}
