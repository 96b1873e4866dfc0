import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateIndex } from '../src/core/knowledge/index.js';
import { DEFAULT_CONFIG } from '../src/core/index.js';
import { generateRepository, HOSTILE_TITLES } from './helpers/generated-repo.js';
import { mermaidBlocks, openMermaidBrowser } from './helpers/mermaid-browser.js';
import { ROOT } from './helpers/run-action.js';

const TODAY = '2026-11-23';
let browser: Awaited<ReturnType<typeof openMermaidBrowser>>;

beforeAll(async () => {
  browser = await openMermaidBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

function indexOf(files: { path: string; text: string }[]) {
  return generateIndex({
    files,
    config: DEFAULT_CONFIG,
    today: TODAY,
    indexFile: 'postmortems/README.md',
    existing: null,
  }).markdown;
}

async function expectAllRender(markdown: string, atLeast: number) {
  const blocks = mermaidBlocks(markdown);
  expect(blocks.length).toBeGreaterThanOrEqual(atLeast);
  const rendered = await browser.render(blocks);
  for (const [n, result] of rendered.entries()) {
    expect({ block: blocks[n], error: result.error }).toEqual({ block: blocks[n], error: null });
    expect(result.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(result.svg).not.toContain('Syntax error');
  }
}

describe('every chart of the index renders in a real browser (chromium + mermaid)', () => {
  test('a chart Mermaid cannot parse is reported, so the check below can fail', async () => {
    const [bad] = await browser.render(['xychart-beta\n  x-axis ["a" "b"]\n  bar [1, 2']);
    expect(bad!.svg).toBeNull();
    expect(bad!.error).toBeTruthy();
  });

  test('the index of 200 generated postmortems: each block produced an SVG and no syntax error', async () => {
    const { files } = generateRepository(200);
    await expectAllRender(indexOf([...files].map(([path, text]) => ({ path, text }))), 8);
  }, 60_000);

  test('hostile services, tags, severities and factors neither break a chart nor leak into it', async () => {
    const files = HOSTILE_TITLES.map((title, n) => ({
      path: `postmortems/2026-0${n + 1}-10-hostile-${n}.md`,
      text: [
        '---',
        `title: ${JSON.stringify(title)}`,
        `severity: ${JSON.stringify(title.slice(0, 20))}`,
        `date: 2026-0${n + 1}-10`,
        `services: [${JSON.stringify(title)}, "x\\"]"]`,
        `tags: [${JSON.stringify(`${title} tag`)}]`,
        'started_at: 2026-01-10T10:00:00Z',
        'detected_at: 2026-01-10T10:05:00Z',
        '---',
        `# ${title}`,
        '',
        '## Contributing factors',
        '',
        `- ${title}`,
        '- "]; end; graph TD; A-->B %% x',
        '',
      ].join('\n'),
    }));
    const markdown = indexOf(files);
    expect(markdown.match(/<!-- hindsight:/g)).toBeNull();
    await expectAllRender(markdown, 8);
  }, 60_000);

  test('the examples index renders; a screenshot of it is taken in this browser', async () => {
    const examples = ['2026-11-20-payments-api-pool-exhausted.md', '2026-11-21-search-latency.md'];
    const markdown = generateIndex({
      files: examples.map((name) => ({
        path: `examples/postmortems/${name}`,
        text: readFileSync(join(ROOT, 'examples/postmortems', name), 'utf8'),
      })),
      config: { ...DEFAULT_CONFIG },
      today: TODAY,
      indexFile: 'examples/postmortems/README.md',
      existing: null,
    }).markdown;
    await expectAllRender(markdown, 8);
    const html = new MarkdownIt({ html: false })
      .render(markdown)
      .replace(
        /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
        '<pre class="mermaid">$1</pre>',
      );
    // Mermaid renders the page's blocks on load, as GitHub's viewer does; wait for every SVG.
    const script = readFileSync(join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js'), 'utf8');
    await browser.page.setContent(
      `<!doctype html><html><head><style>${PAGE_STYLE}</style></head><body><article>${html}</article>` +
        `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>` +
        '<script>mermaid.initialize({ startOnLoad: true, securityLevel: "strict" });</script></body></html>',
    );
    const blocks = mermaidBlocks(markdown).length;
    await browser.page.waitForFunction(
      (n) => document.querySelectorAll('pre.mermaid svg').length === n,
      blocks,
      { timeout: 30_000 },
    );
    const svgs = await browser.page.evaluate(
      () => document.querySelectorAll('pre.mermaid svg').length,
    );
    expect(
      await browser.page.evaluate(() =>
        (document.querySelector('article')?.textContent ?? '').includes('Syntax error'),
      ),
    ).toBe(false);
    expect(svgs).toBe(mermaidBlocks(markdown).length);
    const png = await browser.page.screenshot({ fullPage: true });
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // `HINDSIGHT_SCREENSHOT=1 npx vitest run test/index.render.test.ts` refreshes the one in docs/.
    if (process.env.HINDSIGHT_SCREENSHOT === '1') {
      await mkdir(join(ROOT, 'docs'), { recursive: true });
      await writeFile(join(ROOT, 'docs/index-example.png'), png);
    }
  }, 60_000);
});

/** Enough of GitHub's look for the screenshot to read like the rendered README. */
const PAGE_STYLE = `
body { font: 14px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; }
article { max-width: 1012px; margin: 24px auto; padding: 0 32px; }
h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
pre.mermaid { background: #fff; text-align: center; }
a { color: #0969da; text-decoration: none; }
`;
