import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CONFIG,
  loadConfig,
  planPostmortem,
  type IncidentEvent,
  type IncidentFacts,
} from '../../src/core/index.js';

const URL = 'https://github.com/acme/payments/issues/12';
const event = (
  fields: Partial<IncidentEvent> & { event: string; createdAt: string },
): IncidentEvent => ({
  id: null,
  actor: 'carol',
  label: null,
  assignee: null,
  commitId: null,
  commitRepo: null,
  source: null,
  ...fields,
});
const incident = (fields: Partial<IncidentFacts> = {}): IncidentFacts => ({
  number: 12,
  title: 'Payments API: connection pool exhausted',
  url: URL,
  // A Friday: the review is due two business days later, on Tuesday.
  createdAt: '2026-11-20T14:28:00Z',
  labels: ['incident', 'sev1'],
  assignees: [],
  labeledBy: 'carol',
  events: [],
  comments: [],
  ...fields,
});
const config = loadConfig(
  'severityLabels: { sev1: SEV1 }\nopen: { reviewers: ["@dave", "@acme/sre"] }\n',
).config;

describe('planPostmortem', () => {
  test('path, branch, severity from labels, owner (the labeller when nobody is assigned), due in business days, reviewers', () => {
    const plan = planPostmortem(incident(), config);
    expect(plan).toMatchObject({
      path: 'postmortems/2026-11-20-payments-api-connection-pool-exhausted.md',
      branch: 'hindsight/incident-12',
      owner: 'carol',
      reviewers: ['carol', 'dave'],
      teams: [{ org: 'acme', team: 'sre' }],
      pullTitle: 'Postmortem: Payments API: connection pool exhausted',
    });
    expect(plan.values).toMatchObject({
      incident: 12,
      date: '2026-11-20',
      severity: 'SEV1',
      owner: '@carol',
      reviewers: ['@dave', '@acme/sre'],
      started_at: '2026-11-20T14:28:00Z',
      due: '2026-11-24',
    });
    expect(plan.pullBody.split('\n')[0]).toBe('Refs #12');
  });

  test.each([
    ['the first assignee owns it', { assignees: ['bob', 'alice'] }, 'bob'],
    ['a label that is itself a severity, in any case', { labels: ['Sev3'] }, 'carol'],
  ])('%s', (_name, fields, owner) => {
    expect(planPostmortem(incident(fields), DEFAULT_CONFIG).owner).toBe(owner);
  });

  test('without a severity label, severity is left empty', () => {
    expect(
      planPostmortem(incident({ labels: ['incident'] }), DEFAULT_CONFIG).values.severity,
    ).toBeNull();
    expect(planPostmortem(incident({ labels: ['Sev3'] }), DEFAULT_CONFIG).values.severity).toBe(
      'SEV3',
    );
  });

  test('the timeline: every entry in UTC order with a link; bot comments and unknown events left out', () => {
    const plan = planPostmortem(
      incident({
        events: [
          event({
            id: 901,
            event: 'labeled',
            label: 'incident',
            createdAt: '2026-11-20T14:31:00Z',
          }),
          event({ id: 900, event: 'assigned', assignee: 'bob', createdAt: '2026-11-20T14:30:00Z' }),
          event({
            id: 902,
            event: 'referenced',
            commitId: 'abcdef1234567890',
            createdAt: '2026-11-20T14:40:00Z',
          }),
          event({
            id: 903,
            event: 'referenced',
            commitId: '1234567abcdef',
            commitRepo: 'acme/infra',
            createdAt: '2026-11-20T14:41:00Z',
          }),
          event({
            event: 'cross-referenced',
            source: {
              number: 13,
              title: 'Roll back',
              url: 'https://github.com/acme/payments/pull/13',
              isPull: true,
            },
            createdAt: '2026-11-20T14:45:00Z',
          }),
          event({ id: 904, event: 'closed', createdAt: '2026-11-20T15:00:00Z' }),
          event({ id: 905, event: 'subscribed', createdAt: '2026-11-20T14:29:00Z' }),
        ],
        comments: [
          {
            login: 'bob',
            body: '\nRolled back deploy 4121.\nMore detail.',
            createdAt: '2026-11-20T14:35:00Z',
            url: `${URL}#issuecomment-7`,
          },
          {
            login: 'hindsight[bot]',
            body: '<!-- hindsight:postmortem-link 12 -->\nA draft',
            createdAt: '2026-11-20T14:50:00Z',
            url: `${URL}#issuecomment-8`,
          },
        ],
      }),
      DEFAULT_CONFIG,
    );
    expect(plan.values.timeline).toEqual([
      { time: '2026-11-20 14:28', event: 'Incident issue #12 opened', link: URL },
      { time: '2026-11-20 14:30', event: 'Assigned to @bob', link: `${URL}#event-900` },
      { time: '2026-11-20 14:31', event: 'Labeled "incident" by @carol', link: `${URL}#event-901` },
      {
        time: '2026-11-20 14:35',
        event: '@bob: Rolled back deploy 4121.',
        link: `${URL}#issuecomment-7`,
      },
      {
        time: '2026-11-20 14:40',
        event: 'Commit abcdef1 references the incident',
        link: 'https://github.com/acme/payments/commit/abcdef1234567890',
      },
      {
        time: '2026-11-20 14:41',
        event: 'Commit 1234567 references the incident',
        link: 'https://github.com/acme/infra/commit/1234567abcdef',
      },
      {
        time: '2026-11-20 14:45',
        event: 'Pull request #13 references the incident: Roll back',
        link: 'https://github.com/acme/payments/pull/13',
      },
      {
        time: '2026-11-20 15:00',
        event: 'Incident issue closed by @carol',
        link: `${URL}#event-904`,
      },
    ]);
  });

  test('a hostile title: one line in the front matter, a safe path, no mention in the PR', () => {
    const plan = planPostmortem(
      incident({ title: '@acme/sre "x" ---\n../../etc `y` 🔥' }),
      DEFAULT_CONFIG,
    );
    expect(plan.values.title).toBe('@acme/sre "x" --- ../../etc `y` 🔥');
    expect(plan.path).toBe('postmortems/2026-11-20-acme-sre-x-etc-y.md');
    expect(plan.pullTitle).not.toMatch(/@(?!\u2060)/);
    expect(plan.pullBody).not.toMatch(/@(?!\u2060)acme/);
  });
});
