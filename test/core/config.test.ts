import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, formatConfigError, loadConfig } from '../../src/core/index.js';

const errors = (text: string) =>
  loadConfig(text, '.github/postmortem.yml', ['standard', 'minimal']).errors.map(formatConfigError);

describe('loadConfig', () => {
  test('no file means the defaults of DESIGN.md', () => {
    const { config, errors } = loadConfig(null);
    expect(errors).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config).toMatchObject({
      directory: 'postmortems',
      template: 'standard',
      labels: { incident: 'incident', postmortem: 'postmortem', actionItem: 'postmortem-action' },
      severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
      reviewDueBusinessDays: 2,
      open: { as: 'pull-request', reviewers: [] },
      actionItems: { createIssues: true, repository: null, writeBack: 'commit' },
    });
  });

  test('the example from DESIGN.md loads with its rule options', () => {
    const text = [
      'directory: postmortems',
      'template: standard',
      'labels: { incident: incident, postmortem: postmortem, actionItem: postmortem-action }',
      'severities: [SEV1, SEV2, SEV3, SEV4]',
      'severityLabels: { "sev1": SEV1, "severity: critical": SEV1 }',
      'reviewDueBusinessDays: 2',
      'open: { as: pull-request }',
      'actionItems: { createIssues: true, repository: null, writeBack: commit }',
      'rules: { blameless-language: warn, root-cause-depth: [error, { min: 5 }] }',
    ].join('\n');
    const loaded = loadConfig(text, 'x', ['standard']);
    expect(loaded.errors).toEqual([]);
    expect(loaded.ruleOptions.get('root-cause-depth')).toEqual({ min: 5 });
    expect(loaded.config.severityLabels).toEqual({ sev1: 'SEV1', 'severity: critical': 'SEV1' });
  });

  test.each([
    [
      'a misspelt key names itself and its line',
      'directory: pm\ntempalte: standard\n',
      ['.github/postmortem.yml:1:1: unknown key "tempalte"'],
    ],
    [
      'a bad enum names the allowed values',
      'open:\n  as: discussion\n',
      ['.github/postmortem.yml:2:3: open.as: must be one of "pull-request", "issue"'],
    ],
    [
      'a wrong type',
      'reviewDueBusinessDays: soon\n',
      ['.github/postmortem.yml:1:1: reviewDueBusinessDays: must be a number'],
    ],
    [
      'an unknown rule',
      'rules:\n  blameless: warn\n',
      [
        '.github/postmortem.yml:2:3: rules.blameless: unknown rule "blameless"; rules are frontmatter, required-sections, no-placeholders, timestamps-ordered, timeline-timezone, timeline-order, impact-quantified, root-cause-depth, no-human-error-root-cause, blameless-language, action-item-fields, action-item-specific, action-item-tracked, action-item-overdue, lessons-learned, review-due, filename, review-approved',
      ],
    ],
    [
      'a bad rule option',
      'rules:\n  root-cause-depth: [error, { min: many }]\n',
      ['.github/postmortem.yml:2:31: rules.root-cause-depth.1.min: must be a number'],
    ],
    [
      'a bad level',
      'rules:\n  filename: fatal\n',
      [
        '.github/postmortem.yml:2:3: rules.filename: must be off, warn, error, or [level, { options }]',
      ],
    ],
    [
      'a severity label mapping to an unknown severity',
      'severityLabels:\n  p0: SEV0\n',
      [
        '.github/postmortem.yml:2:3: severityLabels.p0: "SEV0" is not one of severities (SEV1, SEV2, SEV3, SEV4)',
      ],
    ],
    [
      'a reviewer that is not a handle',
      'open:\n  reviewers: [alice]\n',
      [
        '.github/postmortem.yml:2:15: open.reviewers.0: must be a handle such as "@alice" or a team such as "@acme/sre"',
      ],
    ],
    [
      'a directory escaping the repository',
      'directory: ../elsewhere\n',
      ['.github/postmortem.yml:1:1: directory: must be a path inside the repository'],
    ],
    [
      'an unknown template',
      'template: fancy\n',
      ['.github/postmortem.yml:1:1: template: unknown template "fancy"; known: standard, minimal'],
    ],
    [
      'broken YAML',
      'rules: [\n',
      [
        '.github/postmortem.yml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      'not a mapping',
      '- a\n- b\n',
      [
        '.github/postmortem.yml:1:1: must be a mapping of settings (directory:, template:, rules: …)',
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });

  test('a broken config still yields usable defaults, never a throw', () => {
    const loaded = loadConfig('rules: {{{{', 'x');
    expect(loaded.errors.length).toBeGreaterThan(0);
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
  });
});
