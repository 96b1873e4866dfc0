import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate, type Template } from '../core/template.js';

/** The package's root, found from this module whether it runs from src/, dist/ or a dist/ chunk. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let n = 0; n < 5; n++) {
    if (existsSync(join(dir, 'templates', 'standard.md'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(
    'Cannot find the bundled templates/ folder next to Hindsight; reinstall the package.',
  );
}

/** The bundled templates folder. */
export function builtinTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

/** The bundled example postmortems (for the demo and the sandbox's seed). */
export function examplesDir(): string {
  return join(packageRoot(), 'examples', 'postmortems');
}

/**
 * Built-in templates plus a repository's own (`.github/postmortem/templates/*.md`), which
 * override built-ins of the same name. A broken template throws a TemplateError naming its line.
 */
export async function loadTemplates(repositoryRoot?: string): Promise<Map<string, Template>> {
  const templates = new Map<string, Template>();
  const dirs = [builtinTemplatesDir()];
  if (repositoryRoot) dirs.push(resolve(repositoryRoot, '.github/postmortem/templates'));
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((file) => file.endsWith('.md')).sort()) {
      const id = name.slice(0, -3);
      templates.set(id, parseTemplate(id, await readFile(join(dir, name), 'utf8')));
    }
  }
  return templates;
}
