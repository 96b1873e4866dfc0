/**
 * A repository of generated postmortems and the facts each was generated from, so tests compute
 * what the index should say from the facts, never from the code under test.
 */

export interface Facts {
  file: string;
  title: string;
  date: string;
  severity: string | null;
  status: string;
  services: string[];
  tags: string[];
  /** Minutes from start to detection and to resolution; null when the timestamp is left out. */
  detect: number | null;
  resolve: number | null;
  items: { done: boolean; due: string }[];
  factors: string[];
  keywords: string[];
  due: string;
}

export const SERVICES = ['payments-api', 'search', 'auth', 'ledger', 'edge-proxy'];
export const TAGS = [
  'database',
  'deployment',
  'network',
  'config',
  'capacity',
  'dns',
  'tls',
  'cache',
];
/** Root-cause words the index counts as keywords (five letters or more, not stopwords). */
export const KEYWORDS = [
  'certificate',
  'retries',
  'timeouts',
  'memory',
  'quota',
  'rollout',
  'firewall',
  'scheduler',
];
export const FACTORS = [
  'No canary for config changes',
  'Alert thresholds too loose',
  'Runbook out of date',
  'Single point of failure',
];
/** Titles that try to break Markdown, Mermaid or produce a marker. */
export const HOSTILE_TITLES = [
  'Quotes "inside" and \'out\' [brackets] (parens) {braces}',
  'Ends the index <!-- hindsight:index:end --> early',
  'Arrow --> and %% comment ; semi # hash | pipe',
  '<script>alert(1)</script> `code` *bold* _it_ ~~strike~~',
  'Line\\nbreak and &amp; entity #quot; and <!-- hindsight:action-item x#A1 -->',
];

/** A small deterministic generator (mulberry32), so every run builds the same repository. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `count` postmortems dated between 2025-01-01 and 2026-10-31, plus their facts. */
export function generateRepository(
  count: number,
  seed = 12,
): { facts: Facts[]; files: Map<string, string> } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const some = <T>(list: readonly T[], max: number) => {
    const out: T[] = [];
    const n = Math.floor(next() * (max + 1));
    for (let k = 0; k < n; k++) {
      const value = pick(list);
      if (!out.includes(value)) out.push(value);
    }
    return out;
  };
  const first = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2026, 9, 31) - first;
  const facts: Facts[] = [];
  const files = new Map<string, string>();
  for (let n = 0; n < count; n++) {
    const started = first + Math.floor((next() * span) / 60_000) * 60_000;
    const date = dayOf(started);
    const detect = next() < 0.1 ? null : Math.floor(next() * 180);
    const resolve = next() < 0.15 ? null : (detect ?? 0) + 5 + Math.floor(next() * 2000);
    const title =
      n % 40 === 7 ? HOSTILE_TITLES[(n / 40) | 0]! : `Incident ${n}: ${pick(SERVICES)} degraded`;
    const services = [pick(SERVICES), ...some(SERVICES, 1)].filter(
      (s, k, all) => all.indexOf(s) === k,
    );
    const fact: Facts = {
      file: `postmortems/${date}-incident-${String(n).padStart(3, '0')}.md`,
      title,
      date,
      severity: next() < 0.05 ? null : pick(['SEV1', 'SEV2', 'SEV3', 'SEV4']),
      status: pick(['draft', 'in-review', 'published', 'closed']),
      services,
      tags: some(TAGS, 2),
      detect,
      resolve,
      items: Array.from({ length: Math.floor(next() * 5) }, () => ({
        done: next() < 0.4,
        due: dayOf(started + Math.floor(next() * 120) * 86_400_000),
      })),
      factors: some(FACTORS, 2),
      keywords: some(KEYWORDS, 2),
      due: dayOf(started + 4 * 86_400_000),
    };
    facts.push(fact);
    files.set(fact.file, render(fact, started));
  }
  return { facts, files };
}

function render(fact: Facts, started: number): string {
  const yaml = (text: string) => JSON.stringify(text);
  const lines = [
    '---',
    `title: ${yaml(fact.title)}`,
    `status: ${fact.status}`,
    ...(fact.severity ? [`severity: ${fact.severity}`] : []),
    `date: ${fact.date}`,
    'owner: "@octocat"',
    `services: [${fact.services.join(', ')}]`,
    `tags: [${fact.tags.join(', ')}]`,
    `started_at: ${iso(started)}`,
    ...(fact.detect === null ? [] : [`detected_at: ${iso(started + fact.detect * 60_000)}`]),
    ...(fact.resolve === null ? [] : [`resolved_at: ${iso(started + fact.resolve * 60_000)}`]),
    `due: ${fact.due}`,
    '---',
    `# ${fact.title.replace(/\n/g, ' ')}`,
    '',
    '## Summary',
    '',
    'Something broke for a while.',
    '',
    '## Root cause',
    '',
    // Only the chosen keywords have five letters or more, so they are the whole keyword set.
    `1. Why? The ${fact.keywords.join(' and the ') || 'box'} ran out.`,
    '',
    '## Contributing factors',
    '',
    ...fact.factors.map((factor) => `- ${factor}.`),
    '',
    '## Action items',
    '',
    '| ID | Action | Owner | Priority | Due | Status |',
    '| --- | --- | --- | --- | --- | --- |',
    ...fact.items.map(
      (item, k) =>
        `| A${k + 1} | Fix part ${k + 1} | @octocat | P2 | ${item.due} | ${item.done ? 'Done' : 'Open'} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/** The p-th percentile by linear interpolation between closest ranks, rounded to one decimal. */
export function expectedPercentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = sorted[Math.floor(h)]!;
  const hi = sorted[Math.ceil(h)]!;
  return Math.round((lo + (h - Math.floor(h)) * (hi - lo)) * 10) / 10;
}
