import { RULES } from '../src/core/rules/index.js';

const LEVEL = {
  status: 'warn on drafts, error from in-review',
  warn: 'warn',
  error: 'error',
} as const;

/** The README's rule reference, generated from each rule's id, description, default and examples. */
export const rulesMarkdown = RULES.map((rule) => {
  const options = rule.options ? ` Options: \`${JSON.stringify(rule.options.parse({}))}\`.` : '';
  const lang = rule.id === 'filename' ? 'text' : 'markdown';
  return [
    `### \`${rule.id}\``,
    '',
    `${rule.description} Default: ${LEVEL[rule.defaultLevel]}.${options}`,
    '',
    `Flagged:\n\n\`\`\`${lang}\n${rule.example.bad}\n\`\`\`\n\nPasses:\n\n\`\`\`${lang}\n${rule.example.good}\n\`\`\``,
  ].join('\n');
}).join('\n\n');
