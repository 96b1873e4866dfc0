import { z } from 'zod';
import { HANDLE } from './handle.js';

const level = z.enum(['off', 'warn', 'error']);
const repository = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be "owner/repo"');

/** A rule's setting: a level, or `[level, options]`. */
export const ruleSetting = z.union([level, z.tuple([level, z.record(z.string(), z.unknown())])]);

/**
 * `.github/postmortem.yml`. Types, defaults and the published JSON schema all come from here.
 * Unknown keys are errors: a misspelt key silently ignored is a rule silently off.
 */
export const configSchema = z
  .object({
    directory: z
      .string()
      .min(1)
      .refine(
        (value) => !value.split(/[\\/]/).includes('..') && !value.startsWith('/'),
        'must be a path inside the repository',
      )
      .default('postmortems')
      .describe('Where postmortems live, relative to the repository root.'),
    template: z
      .string()
      .min(1)
      .default('standard')
      .describe('Template for new postmortems and for required sections.'),
    labels: z
      .object({
        incident: z.string().min(1).default('incident'),
        postmortem: z.string().min(1).default('postmortem'),
        actionItem: z.string().min(1).default('postmortem-action'),
      })
      .strict()
      .prefault({}),
    severities: z.array(z.string().min(1)).min(1).default(['SEV1', 'SEV2', 'SEV3', 'SEV4']),
    severityLabels: z
      .record(z.string(), z.string())
      .default({})
      .describe('Incident issue labels that set the severity.'),
    reviewDueBusinessDays: z.number().int().min(0).max(60).default(2),
    open: z
      .object({
        as: z.enum(['pull-request', 'issue']).default('pull-request'),
        reviewers: z
          .array(
            z
              .string()
              .regex(HANDLE, 'must be a handle such as "@alice" or a team such as "@acme/sre"'),
          )
          .default([])
          .describe(
            'Asked to review every new postmortem besides its owner, and written into its reviewers field.',
          ),
      })
      .strict()
      .prefault({}),
    actionItems: z
      .object({
        createIssues: z.boolean().default(true),
        repository: repository.nullable().default(null),
        writeBack: z.enum(['commit', 'pull-request']).default('commit'),
      })
      .strict()
      .prefault({}),
    rules: z.record(z.string(), ruleSetting).default({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    for (const [label, severity] of Object.entries(config.severityLabels)) {
      if (!config.severities.includes(severity)) {
        ctx.addIssue({
          code: 'custom',
          path: ['severityLabels', label],
          message: `"${severity}" is not one of severities (${config.severities.join(', ')})`,
        });
      }
    }
  });

export type Config = z.output<typeof configSchema>;
export type RuleSetting = z.output<typeof ruleSetting>;

/** The configuration a repository without `.github/postmortem.yml` gets. */
export const DEFAULT_CONFIG: Config = configSchema.parse({});
