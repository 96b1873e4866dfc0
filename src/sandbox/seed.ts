import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from './index.js';
import type { Repository } from './state.js';

/** The demo repository: acme/payments with a config and the bundled example postmortems. */
export function seedDemo(sandbox: Sandbox, examplesDir: string): Repository {
  const files: Record<string, string> = {
    'README.md': '# payments\n\nThe payments API.\n',
    '.github/postmortem.yml':
      'severityLabels: { sev1: SEV1, sev2: SEV2, "severity: critical": SEV1 }\nrules:\n  review-due: off\n  action-item-overdue: off\n',
  };
  for (const name of readdirSync(examplesDir).filter((file) => file.endsWith('.md')))
    files[`postmortems/${name}`] = readFileSync(join(examplesDir, name), 'utf8');
  const repo = sandbox.state.createRepo({
    owner: 'acme',
    name: 'payments',
    files,
    collaborators: ['alice', 'bob', 'carol'],
  });
  sandbox.state.teams.set('acme/sre', { org: 'acme', slug: 'sre', members: ['bob', 'carol'] });
  return repo;
}
