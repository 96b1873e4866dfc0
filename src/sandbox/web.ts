/**
 * Where the sandbox's web links (`html_url` and friends) point. Tests compare links with GitHub's
 * own, so by default they point at github.com; `hindsight sandbox` and `hindsight demo` serve
 * small pages of their own and hand out links to themselves (a PR link that opens, not a 404 on
 * github.com).
 *
 * Render functions only see the API base URL a request came in on, so a sandbox that serves its
 * own pages is known here by its port (one listening socket, one port, whatever the host header).
 */
const selfServed = new Set<string>();
/** Sandboxes standing in for GitHub Enterprise Server or ghe.com: their web host, by port. */
const hosts = new Map<string, string>();

/** The web origin for links rendered for a request to `api` (`http://127.0.0.1:PORT[/api/v3]`). */
export function webUrlFor(api: string): string {
  const url = new URL(api);
  return hosts.get(url.port) ?? (selfServed.has(url.port) ? url.origin : 'https://github.com');
}

/**
 * Makes the sandbox at `url` link to another web host, as GitHub Enterprise Server
 * (`https://ghe.example.com`) or ghe.com (`https://acme.ghe.com`) do; null for the default.
 */
export function useWebHost(url: string, host: string | null): void {
  const { port } = new URL(url);
  if (host) hosts.set(port, host.replace(/\/+$/, ''));
  else hosts.delete(port);
}

/** Makes the sandbox at `url` hand out links to itself (true) or to github.com (false). */
export function serveOwnWebLinks(url: string, on: boolean): void {
  const { port } = new URL(url);
  if (on) selfServed.add(port);
  else selfServed.delete(port);
}
