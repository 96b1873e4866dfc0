import { test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { lintPostmortem } from '/work/main/src/core/lint.js';
import { loadConfig } from '/work/main/src/core/load-config.js';
import { loadTemplates } from '/work/main/src/files/templates.js';
test('smoke', async () => {
  const templates = await loadTemplates();
  const { config, ruleOptions } = loadConfig(null);
  const root = '/work/shared/corpus';
  const want = (process.env.RULES ?? '').split(',');
  for (const dir of readdirSync(root, { withFileTypes: true }).filter(d => d.isDirectory())) {
    for (const f of readdirSync(`${root}/${dir.name}`)) {
      const path = `${dir.name}/${f}`;
      const text = readFileSync(`${root}/${path}`, 'utf8');
      const r = lintPostmortem({ path, text, config, ruleOptions, templates, now: new Date('2026-11-23T00:00:00Z') });
      for (const x of r.findings) if (want.includes(x.rule)) console.log(`${path}:${x.line}:${x.column} ${x.rule} ${x.message} || ${text.split('\n')[x.line-1]?.slice(0,90)}`);
    }
  }
});
