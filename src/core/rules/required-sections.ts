import { normaliseHeading, readFrom, SECTION_NAMES } from '../sections.js';
import type { Section } from '../types.js';
import { defineRule } from './rule.js';

export const requiredSections = defineRule({
  id: 'required-sections',
  description: "The template's sections are all there and none is empty.",
  defaultLevel: 'status',
  example: {
    bad: '---\ntemplate: minimal\n---\n## Summary\n\n## Timeline\n\n- 2026-11-20 14:30 UTC Alert fired\n\n## Action items\n\n- [ ] Alert on pool use over 80% (@alice, P1, due 2026-12-01)',
    good: '---\ntemplate: minimal\n---\n## Summary\n\nCheckout failed for 20 minutes.\n\n## Timeline\n\n- 2026-11-20 14:30 UTC Alert fired\n\n## Root cause\n\n1. Why? The pool was exhausted.\n\n## Action items\n\n- [ ] Alert on pool use over 80% (@alice, P1, due 2026-12-01)',
  },
  check({ postmortem, template, report }) {
    if (!template) return;
    const claimed = new Set<Section>();
    const names = postmortem.sections.map((section) => normaliseHeading(section.heading));
    const byName = template.required.map((wanted) => {
      const name = normaliseHeading(wanted.name);
      return postmortem.sections[names.indexOf(name)];
    });
    for (const found of byName) if (found) claimed.add(found);
    const anchor = postmortem.title?.position ?? {
      line: Math.min(postmortem.frontMatter.endLine + 1, postmortem.lines.length),
      column: 1,
    };

    template.required.forEach((wanted, n) => {
      let section = byName[n];
      if (!section && wanted.key) {
        const free = (candidate: Section) =>
          candidate.key === wanted.key && !claimed.has(candidate);
        section =
          postmortem.sections.find((candidate) => free(candidate) && !candidate.byKeyword) ??
          postmortem.sections.find(free);
        if (section) claimed.add(section);
      }
      const name = wanted.key ? SECTION_NAMES[wanted.key] : wanted.name;
      if (!section) {
        report({
          position: anchor,
          message: `Missing section "${wanted.name}".`,
          suggestion: `${'#'.repeat(wanted.level)} ${name}`,
        });
      } else if (section.empty) {
        report({
          position: section.position,
          message: `Section "${section.heading}" is empty.${readFrom(section)}`,
        });
      }
    });
  },
});
