import { defineRule } from './rule.js';

const NAME = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

export const filename = defineRule({
  id: 'filename',
  description:
    'The file is `<directory>/YYYY-MM-DD-slug.md` and its date matches the front matter.',
  defaultLevel: 'status',
  example: {
    bad: 'postmortems/Payments Outage.md',
    good: 'postmortems/2026-11-20-payments-api-outage.md',
  },
  check({ postmortem, config, report }) {
    const path = postmortem.path.replace(/\\/g, '/').replace(/^\.\//, '');
    const base = path.slice(path.lastIndexOf('/') + 1);
    const directory = config.directory.replace(/\/+$/, '').replace(/^\.\//, '');
    const position = { line: 1, column: 1 };
    if (!path.startsWith(`${directory}/`) && !path.includes(`/${directory}/`)) {
      report({
        position,
        message: `Postmortems live under "${directory}/" (the \`directory\` setting); this file is "${path}".`,
      });
    }
    const match = NAME.exec(base);
    if (!match) {
      report({
        position,
        message: `File name "${base}" is not YYYY-MM-DD-slug.md (lower-case letters, digits and dashes).`,
        suggestion: 'hindsight new --title "…" makes a file with the right name.',
      });
      return;
    }
    const date = postmortem.frontMatter.data.date;
    if (typeof date === 'string' && date !== match[1]) {
      report({
        position: postmortem.frontMatter.fields.get('date')?.position ?? position,
        message: `The file name says ${match[1]} but \`date\` is ${date}.`,
      });
    }
  },
});
