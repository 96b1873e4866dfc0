import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for the GitHub REST API on 127.0.0.1, enough for the Action's end-to-end test:
 * pull files (paginated with Link headers), raw contents by ref, compare, reviews, team members
 * and issue comments. It records every request. (The stateful sandbox of issue 3 replaces it.)
 */
export interface FakeRepo {
  /** Files by ref (a commit sha), path → text. */
  files: Record<string, Record<string, string>>;
  pullFiles: { filename: string; status: string }[];
  compare?: { filename: string; status: string }[];
  reviews: { user: { login: string }; state: string }[];
  teams: Record<string, string[] | 'forbidden'>;
  comments: { id: number; body: string; user: { login: string } }[];
  /** Fail comment writes with this status (a fork PR's read-only token). */
  commentStatus?: number;
}

export interface FakeGitHub {
  url: string;
  repo: FakeRepo;
  log: { method: string; path: string; accept: string | undefined }[];
  close(): Promise<void>;
}

export async function startFakeGitHub(owner: string, name: string, repo: FakeRepo): Promise<FakeGitHub> {
  const log: FakeGitHub['log'] = [];
  const base = `/repos/${owner}/${name}`;
  let nextComment = 1000;

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    log.push({ method: request.method ?? 'GET', path: url.pathname + url.search, accept: request.headers.accept });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...headers });
      response.end(text);
    };
    const page = <T>(items: T[]) => {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const number = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const headers: Record<string, string> = {};
      if (number < last) {
        const next = new URL(url);
        next.searchParams.set('page', String(number + 1));
        headers.link = `<http://${request.headers.host}${next.pathname}${next.search}>; rel="next", <http://${request.headers.host}${next.pathname}?per_page=${perPage}&page=${last}>; rel="last"`;
      }
      send(200, items.slice((number - 1) * perPage, number * perPage), headers);
    };
    const path = url.pathname;
    let match: RegExpMatchArray | null;

    if (request.headers.authorization !== 'token test-token') return send(401, { message: 'Bad credentials' });
    if ((match = path.match(new RegExp(`^${base}/pulls/(\\d+)/files$`)))) return page(repo.pullFiles);
    if ((match = path.match(new RegExp(`^${base}/pulls/(\\d+)/reviews$`)))) return page(repo.reviews);
    if ((match = path.match(new RegExp(`^${base}/compare/(\\w+)\\.\\.\\.(\\w+)$`)))) return send(200, { files: repo.compare ?? [] });
    if ((match = path.match(new RegExp(`^${base}/commits/(\\w+)$`)))) return send(200, { sha: match[1], files: repo.compare ?? [] });
    if ((match = path.match(new RegExp(`^${base}/contents/(.+)$`)))) {
      const file = repo.files[url.searchParams.get('ref') ?? '']?.[decodeURIComponent(match[1]!)];
      if (file === undefined) return send(404, { message: 'Not Found' });
      if (!request.headers.accept?.includes('raw')) return send(415, { message: 'test server serves raw only' });
      return send(200, file);
    }
    if ((match = path.match(/^\/orgs\/([\w-]+)\/teams\/([\w-]+)\/members$/))) {
      const members = repo.teams[`${match[1]}/${match[2]}`];
      if (members === undefined) return send(404, { message: 'Not Found' });
      if (members === 'forbidden') return send(403, { message: 'Resource not accessible by integration' });
      return page(members.map((login) => ({ login })));
    }
    if ((match = path.match(new RegExp(`^${base}/issues/(\\d+)/comments$`)))) {
      if (request.method === 'GET') return page(repo.comments);
      if (repo.commentStatus) return send(repo.commentStatus, { message: 'Resource not accessible by integration' });
      const { body } = JSON.parse(await read(request));
      const comment = { id: nextComment++, body, user: { login: 'github-actions[bot]' } };
      repo.comments.push(comment);
      return send(201, comment);
    }
    if ((match = path.match(new RegExp(`^${base}/issues/comments/(\\d+)$`))) && request.method === 'PATCH') {
      const comment = repo.comments.find((c) => c.id === Number(match![1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = JSON.parse(await read(request)).body;
      return send(200, comment);
    }
    send(404, { message: `test server has no route for ${request.method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    repo,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function read(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}
