import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; `.ci/run` installs it when missing. */
export const CHROMIUM = '/usr/bin/chromium';

export interface Rendered {
  /** The SVG Mermaid produced, or null when it threw. */
  svg: string | null;
  error: string | null;
}

/**
 * A headless chromium with the `mermaid` npm package inlined into a blank page (no network:
 * nothing is fetched, the script comes from node_modules). One browser per test file.
 */
export async function openMermaidBrowser(): Promise<{
  page: Page;
  render: (blocks: string[]) => Promise<Rendered[]>;
  close: () => Promise<void>;
}> {
  const profile = await mkdtemp(join(tmpdir(), 'hindsight-chromium-'));
  // A fresh profile each run (playwright takes it as launchPersistentContext's first argument).
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const script = await readFile(
    createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'),
    'utf8',
  );
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: script });
  await page.evaluate(() => {
    (globalThis as typeof globalThis & { mermaid: MermaidApi }).mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
    });
  });
  return {
    page,
    render: (blocks) =>
      page.evaluate(async (codes: string[]) => {
        const out: { svg: string | null; error: string | null }[] = [];
        for (const [n, code] of codes.entries()) {
          try {
            const { svg } = await (
              globalThis as typeof globalThis & { mermaid: MermaidApi }
            ).mermaid.render(`chart${n}`, code);
            out.push({ svg, error: null });
          } catch (error) {
            out.push({ svg: null, error: String((error as Error)?.message ?? error) });
          }
        }
        return out;
      }, blocks),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The page's global `mermaid` (the inlined script sets it), with the two calls used here. */
interface MermaidApi {
  initialize(options: object): void;
  render(id: string, code: string): Promise<{ svg: string }>;
}

/** The body of every ```mermaid block in a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}
