import type { SandboxState } from './state.js';

/** First path segments that belong to the REST API, never to a web page. */
const API_ROOTS = new Set([
  'api',
  'app',
  'apps',
  'installation',
  'orgs',
  'rate_limit',
  'repos',
  'search',
  'teams',
  'user',
  'users',
]);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/**
 * The sandbox's web pages, so the links it hands out open something: an issue or pull request
 * (title, state, labels, body, comments, and a pull request's branch and files), a file at a ref,
 * and a repository's list of issues. Plain HTML, every user text escaped. Returns null for a path
 * that is not a page (the API handles it).
 */
export function renderPage(
  state: SandboxState,
  pathname: string,
): { status: number; html: string } | null {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [owner, name, kind, ...rest] = segments;
  if (!owner || !name || API_ROOTS.has(owner)) return null;
  const repo = state.repo(`${owner}/${name}`);
  if (!repo)
    return page(404, 'Not found', `<p>No repository ${escapeHtml(`${owner}/${name}`)}.</p>`);
  const full = `${repo.owner.login}/${repo.name}`;
  if (kind === undefined || kind === 'issues' || kind === 'pulls') {
    if (kind === 'issues' && rest[0]) return issuePage(state, full, Number(rest[0]));
    const items = [...repo.issues.values()]
      .map(
        (issue) =>
          `<li><a href="/${full}/${issue.pull ? 'pull' : 'issues'}/${issue.number}">#${issue.number}</a> ${escapeHtml(issue.title)} (${issue.pull ? 'pull request' : 'issue'}, ${issue.state})</li>`,
      )
      .join('\n');
    return page(200, full, `<ul>\n${items}\n</ul>`);
  }
  if (kind === 'pull' && rest[0]) return issuePage(state, full, Number(rest[0]));
  if (kind === 'blob' && rest.length >= 2) {
    const [ref, ...path] = rest as [string, ...string[]];
    const tree = state.repoCommitTree(repo, ref);
    const blob = tree?.get(path.join('/'));
    if (!blob)
      return page(
        404,
        'Not found',
        `<p>No file ${escapeHtml(path.join('/'))} at ${escapeHtml(ref)}.</p>`,
      );
    const text = repo.blobs.get(blob)?.toString('utf8') ?? '';
    return page(200, `${full}: ${path.join('/')} at ${ref}`, `<pre>${escapeHtml(text)}</pre>`);
  }
  return page(404, 'Not found', `<p>The sandbox has no page for ${escapeHtml(pathname)}.</p>`);
}

function issuePage(state: SandboxState, full: string, number: number) {
  const repo = state.repo(full);
  const issue = repo?.issues.get(number);
  if (!repo || !issue) return page(404, 'Not found', `<p>No issue or pull request #${number}.</p>`);
  const parts = [
    `<p>${issue.pull ? `Pull request${issue.pull.draft ? ' (draft)' : ''}` : 'Issue'} · ${issue.state} · opened by @${escapeHtml(issue.user.login)}` +
      (issue.labels.length > 0 ? ` · labels: ${issue.labels.map(escapeHtml).join(', ')}` : '') +
      '</p>',
  ];
  if (issue.pull) {
    const head = state.repoCommitTree(repo, issue.pull.head);
    const base = state.repoCommitTree(repo, issue.pull.base);
    const files = [...(head ?? new Map<string, string>())]
      .filter(([path, sha]) => base?.get(path) !== sha)
      .map(
        ([path]) =>
          `<li><a href="/${full}/blob/${encodeURIComponent(issue.pull!.head)}/${path}">${escapeHtml(path)}</a></li>`,
      );
    parts.push(
      `<p>${escapeHtml(issue.pull.head)} → ${escapeHtml(issue.pull.base)}</p><h2>Files changed</h2><ul>${files.join('')}</ul>`,
    );
  }
  parts.push(`<pre>${escapeHtml(issue.body ?? '')}</pre>`);
  for (const comment of issue.comments)
    parts.push(
      `<h3>@${escapeHtml(comment.user.login)} commented</h3><pre>${escapeHtml(comment.body)}</pre>`,
    );
  return page(200, `${issue.title} · ${full}#${number}`, parts.join('\n'));
}

function page(status: number, title: string, body: string) {
  return {
    status,
    html: `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1>\n${body}\n<p><small>Hindsight sandbox</small></p></body></html>\n`,
  };
}
