import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/sandbox/faults.ts
var FAULT_KINDS = [
  "500",
  "502",
  "timeout",
  "drop",
  "secondary",
  "409"
];
function parseFaults(spec) {
  const options = {
    rate: 0.05,
    kinds: FAULT_KINDS.filter((kind) => kind !== "409"),
    routes: [],
    callers: [],
    seed: 1,
    first: null,
    timeoutMs: 1e4,
    retryAfter: 1
  };
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [key2, value = ""] = part.includes("=") ? part.split(/=(.*)/s) : ["rate", part];
    const number = Number(value);
    const bad = (allowed) => new Error(`--faults: "${part}" is not valid; ${key2} takes ${allowed}.`);
    switch (key2) {
      case "rate":
        if (!(number >= 0 && number <= 1)) throw bad("a share from 0 to 1");
        options.rate = number;
        break;
      case "kinds": {
        const kinds = value.split("|");
        const unknown = kinds.find((kind) => !FAULT_KINDS.includes(kind));
        if (unknown !== void 0) throw bad(FAULT_KINDS.join("|"));
        options.kinds = kinds;
        break;
      }
      case "routes":
        options.routes = value.split("|").filter(Boolean);
        break;
      case "callers":
        options.callers = value.split("|").filter(Boolean);
        if (options.callers.some((c) => !["installation", "app", "user"].includes(c)))
          throw bad("installation|app|user");
        break;
      case "seed":
      case "first":
      case "timeoutMs":
      case "retryAfter":
        if (!Number.isInteger(number) || number < 0) throw bad("a whole number");
        options[key2] = number;
        break;
      default:
        throw new Error(
          `--faults: unknown key "${key2}"; use rate, kinds, routes, callers, seed, first, timeoutMs or retryAfter.`
        );
    }
  }
  return options;
}
function createFaults(input) {
  const options = typeof input === "string" ? parseFaults(input) : { ...parseFaults(""), ...input };
  const patterns = options.routes.map(
    (route) => new RegExp(`^${route.replace(/[.+?^$()|[\]\\{}]/g, "\\$&").replace(/\*/g, ".*")}$`, "i")
  );
  let state = options.seed >>> 0;
  const random = () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  const injected = /* @__PURE__ */ new Map();
  let matched = 0;
  return {
    options,
    injected,
    pick(method, route, caller) {
      if (options.callers.length > 0 && !options.callers.includes(caller ?? "")) return null;
      const request = `${method} ${route}`;
      if (patterns.length > 0 && !patterns.some((pattern) => pattern.test(request))) return null;
      matched++;
      if (options.first !== null && matched > options.first) return null;
      if (options.kinds.length === 0 || random() >= options.rate) return null;
      const kind = options.kinds[Math.floor(random() * options.kinds.length)];
      injected.set(kind, (injected.get(kind) ?? 0) + 1);
      return kind;
    }
  };
}
function sendFault(kind, response, faults) {
  const json = (status, message, headers = {}) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    response.end(
      JSON.stringify({
        message,
        documentation_url: "https://docs.github.com/rest",
        status: String(status)
      })
    );
  };
  switch (kind) {
    case "500":
      json(500, "Server Error");
      return;
    case "502":
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      return;
    case "secondary":
      json(
        403,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        { "retry-after": String(faults.options.retryAfter) }
      );
      return;
    case "409":
      json(409, "Conflict");
      return;
    case "drop":
      response.socket?.destroy();
      return;
    case "timeout": {
      const timer = setTimeout(() => response.socket?.destroy(), faults.options.timeoutMs);
      response.on("close", () => clearTimeout(timer));
      return;
    }
  }
}

// src/sandbox/index.ts
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";

// src/sandbox/http.ts
import { createHash, createPublicKey, verify } from "node:crypto";

// src/sandbox/secondary-limits.ts
var SECONDARY_LIMIT_MESSAGE = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";
function createContentLimiter(now = Date.now) {
  let limits = null;
  const accepted = /* @__PURE__ */ new Map();
  const blocked = /* @__PURE__ */ new Map();
  return {
    set(next) {
      limits = next;
      accepted.clear();
      blocked.clear();
    },
    /**
     * Records a content-creating request by `caller`, or refuses it: null when accepted, or the
     * status and whole seconds to wait (`retry-after`) until the fullest window has room.
     */
    admit(caller) {
      if (!limits) return null;
      const at = now();
      const status = limits.status ?? 403;
      const until = blocked.get(caller) ?? 0;
      if (until > at) return { status, retryAfter: Math.max(1, Math.ceil((until - at) / 1e3)) };
      const longest = Math.max(...limits.windows.map((w) => w.seconds)) * 1e3;
      const times = (accepted.get(caller) ?? []).filter((t) => at - t < longest);
      let wait = 0;
      for (const window of limits.windows) {
        const inside = times.filter((t) => at - t < window.seconds * 1e3);
        if (inside.length >= window.max) {
          const oldest = inside[inside.length - window.max];
          wait = Math.max(wait, oldest + window.seconds * 1e3 - at);
        }
      }
      if (wait > 0 && limits.retryAfter !== void 0) {
        blocked.set(caller, at + limits.retryAfter * 1e3);
        accepted.set(caller, []);
        return { status, retryAfter: limits.retryAfter };
      }
      if (wait > 0) {
        accepted.set(caller, times);
        return { status, retryAfter: Math.max(1, Math.ceil(wait / 1e3)) };
      }
      times.push(at);
      accepted.set(caller, times);
      return null;
    }
  };
}
function createsContent(method, route) {
  return method !== "GET" && method !== "HEAD" && !route.startsWith("/app/");
}

// src/sandbox/http.ts
var HttpError = class extends Error {
  constructor(status, message, errors) {
    super(message);
    this.status = status;
    this.errors = errors;
  }
  status;
  errors;
};
function compile(route) {
  const names = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, name) => {
    names.push(name);
    return name === "path" || name === "ref" || name === "basehead" ? "(.+)" : "([^/]+)";
  });
  return { ...route, re: new RegExp(`^${source}$`), names };
}
function createRouter(input) {
  const compiled = input.routes.map(compile);
  const log = [];
  const used = /* @__PURE__ */ new Map();
  async function handle(request, response) {
    const url = new URL(request.url ?? "/", "http://sandbox");
    const prefix = url.pathname.startsWith("/api/v3/") ? "/api/v3" : "";
    const path = decodeURI(url.pathname.slice(prefix.length));
    const baseUrl = `http://${request.headers.host}${prefix}`;
    const method = (request.method ?? "GET").toUpperCase();
    const caller = authenticate(request.headers.authorization, input);
    const key2 = caller.kind === "installation" ? `i${caller.installationId}` : caller.kind === "user" ? `u${caller.login}` : "anon";
    let route;
    let params = {};
    for (const candidate of compiled) {
      if (candidate.method !== method) continue;
      const match = candidate.re.exec(path);
      if (!match) continue;
      route = candidate;
      params = Object.fromEntries(
        candidate.names.map((name, n) => [name, decodeURIComponent(match[n + 1])])
      );
      break;
    }
    let result;
    try {
      if (router.before) await router.before({ method, route: route?.path ?? path, caller });
      const fault = router.faults?.pick(method, route?.path ?? path, caller.kind) ?? null;
      if (fault) {
        const status2 = { "500": 500, "502": 502, secondary: 403, "409": 409 };
        log.push({
          method,
          route: route?.path ?? path,
          path: path + url.search,
          status: fault in status2 ? status2[fault] : 0,
          caller: caller.kind,
          enterprisePrefix: prefix !== "",
          fault
        });
        sendFault(fault, response, router.faults);
        return;
      }
      if (!route) throw new HttpError(404, "Not Found");
      const staged = router.failures.find(
        (failure) => failure.method === method && failure.route === route?.path && failure.times > 0
      );
      if (staged) {
        staged.times--;
        await readBody(request);
        throw new HttpError(staged.status, `Injected failure (sandbox.failNext): ${staged.status}`);
      }
      if (route.auth === "app" ? caller.kind !== "app" : caller.kind === "none" || caller.kind === "app") {
        throw new HttpError(
          401,
          route.auth === "app" ? "A JSON web token could not be decoded" : "Bad credentials"
        );
      }
      const raw = await readBody(request);
      let body;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, "Problems parsing JSON");
        }
      }
      const refused = createsContent(method, route.path) ? input.limiter?.admit(key2) : null;
      result = refused ? {
        status: refused.status,
        body: {
          message: SECONDARY_LIMIT_MESSAGE,
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"
        },
        headers: { "retry-after": String(refused.retryAfter) }
      } : await route.handler({
        method,
        params,
        query: url.searchParams,
        body,
        headers: request.headers,
        caller,
        state: input.state,
        baseUrl
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      result = {
        status: error.status,
        body: {
          message: error.message,
          ...error.errors ? { errors: error.errors } : {},
          documentation_url: "https://docs.github.com/rest",
          status: String(error.status)
        }
      };
    }
    const headers = {
      "x-github-media-type": "github.v3; format=json",
      "x-github-request-id": createHash("sha1").update(`${log.length}`).digest("hex").slice(0, 16).toUpperCase(),
      ...result.headers
    };
    let payload = "";
    if (result.body !== void 0) {
      if (Buffer.isBuffer(result.body) || typeof result.body === "string") {
        payload = result.body;
        headers["content-type"] ??= "text/plain; charset=utf-8";
      } else {
        payload = JSON.stringify(result.body);
        headers["content-type"] = "application/json; charset=utf-8";
      }
    }
    let status = result.status;
    if (method === "GET" && status === 200) {
      const etag = `W/"${createHash("sha1").update(payload).digest("hex")}"`;
      headers.etag = etag;
      if (request.headers["if-none-match"] === etag) {
        status = 304;
        payload = "";
      }
    }
    if (status !== 304) used.set(key2, (used.get(key2) ?? 0) + 1);
    Object.assign(headers, {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(5e3 - (used.get(key2) ?? 0)),
      "x-ratelimit-used": String(used.get(key2) ?? 0),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1e3) + 3600),
      "x-ratelimit-resource": "core"
    });
    log.push({
      method,
      route: route?.path ?? path,
      path: path + url.search,
      status,
      caller: caller.kind,
      enterprisePrefix: prefix !== ""
    });
    response.writeHead(status, headers);
    response.end(payload);
  }
  const router = {
    routes: input.routes,
    handle,
    log,
    before: null,
    failures: [],
    faults: null
  };
  return router;
}
function authenticate(header, input) {
  if (!header) return { kind: "none" };
  const [scheme, token] = header.split(" ", 2);
  if (!token || !/^(token|bearer)$/i.test(scheme)) return { kind: "none" };
  if (token.split(".").length === 3)
    return verifyJwt(token, input) ? { kind: "app" } : { kind: "none" };
  const installationId = input.state.tokens.get(token);
  if (installationId !== void 0) return { kind: "installation", installationId };
  const user = input.userTokens.get(token);
  return user ? { kind: "user", login: user.login, workflow: user.workflow, repository: user.repository } : { kind: "none" };
}
function verifyJwt(token, input) {
  if (!input.appPublicKey) return false;
  const [header, payload, signature2] = token.split(".");
  try {
    const ok = verify(
      "RSA-SHA256",
      Buffer.from(`${header}.${payload}`),
      input.appPublicKey,
      Buffer.from(signature2, "base64url")
    );
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return ok && String(claims.iss) === String(input.appId) && typeof claims.exp === "number" && claims.exp * 1e3 > Date.now() - 6e4;
  } catch {
    return false;
  }
}
function publicKeyOf(privateKeyPem) {
  return createPublicKey(privateKeyPem);
}
function readBody(request) {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => {
      body += chunk;
      if (body.length > 50 * 1024 * 1024) reject(new HttpError(413, "Payload too large"));
    });
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}
function page(context, items, path, fixed) {
  const perPage = fixed ?? Math.min(Math.max(Number(context.query.get("per_page") ?? 30) || 30, 1), 100);
  const number = Math.max(Number(context.query.get("page") ?? 1) || 1, 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n, rel) => {
    const query = new URLSearchParams(context.query);
    query.set("per_page", String(perPage));
    query.set("page", String(n));
    return `<${context.baseUrl}${path}?${query}>; rel="${rel}"`;
  };
  const links = [];
  if (number > 1) links.push(link(number - 1, "prev"), link(1, "first"));
  if (number < last) links.push(link(number + 1, "next"), link(last, "last"));
  return {
    status: 200,
    body: items.slice((number - 1) * perPage, number * perPage),
    headers: links.length ? { link: links.join(", ") } : {}
  };
}

// src/sandbox/behaviours.ts
var DEFAULT_BEHAVIOURS = {
  draftPullRequests: true,
  defaultBranch: "open",
  actionsCanCreatePullRequests: true,
  installationReadsMembers: true,
  contentsListingLimit: 1e3,
  treeEntryLimit: 1e5,
  compareFileLimit: 300,
  commitFilesPerPage: 300
};
var ISSUE_TITLE_LIMIT = 256;
var ISSUE_BODY_LIMIT = 65536;
function checkOpenPull(c, repo, draft) {
  if (c.caller.kind === "user" && c.caller.workflow && !repo.behaviours.actionsCanCreatePullRequests)
    throw new HttpError(403, "GitHub Actions is not permitted to create or approve pull requests.");
  if (draft && !repo.behaviours.draftPullRequests)
    throw new HttpError(422, "Draft pull requests are not supported in this repository.");
}
function checkBranchWrite(repo, branch) {
  if (branch !== repo.defaultBranch) return;
  if (repo.behaviours.defaultBranch === "branch-protection")
    throw new HttpError(
      409,
      `Could not update file: Changes must be made through a pull request. Protected branch update failed for refs/heads/${branch}.`
    );
  if (repo.behaviours.defaultBranch === "ruleset")
    throw ruleViolation("Changes must be made through a pull request.");
}
function checkForcedUpdate(repo, force, fastForward) {
  if (force && !fastForward && repo.behaviours.defaultBranch === "ruleset")
    throw ruleViolation("Cannot force-push to this branch");
}
function ruleViolation(message) {
  return new HttpError(422, `Repository rule violations found

${message}

`, [{ message }]);
}
function checkTeamReview(c, repo, teams) {
  if (teams.length > 0 && c.caller.kind === "installation" && !repo.behaviours.installationReadsMembers)
    throw new HttpError(422, `Could not resolve to a node with the global id of '${teams[0]}'.`);
}
function checkReviewerNotAuthor(author, reviewers) {
  if (reviewers.some((login) => login.toLowerCase() === author.toLowerCase()))
    throw new HttpError(422, "Review cannot be requested from pull request author.");
}
function checkIssueText(body) {
  const errors = [];
  if (typeof body.title === "string" && [...body.title].length > ISSUE_TITLE_LIMIT)
    errors.push({
      resource: "Issue",
      code: "custom",
      field: "title",
      message: "title is too long (maximum is 256 characters)"
    });
  if (typeof body.body === "string" && [...body.body].length > ISSUE_BODY_LIMIT)
    errors.push({
      resource: "Issue",
      code: "custom",
      field: "body",
      message: "body is too long (maximum is 65536 characters)"
    });
  if (errors.length > 0) throw new HttpError(422, "Validation Failed", errors);
}
function checkWorkflowReach(c, repo, method) {
  if (c.caller.kind !== "user" || !c.caller.workflow || !c.caller.repository) return;
  if (c.caller.repository.toLowerCase() === `${repo.owner.login}/${repo.name}`.toLowerCase())
    return;
  if (repo.private) throw new HttpError(404, "Not Found");
  if (method !== "GET") throw new HttpError(403, "Resource not accessible by integration");
}
function checkNotEmpty(repo) {
  if (repo.commits.size === 0) throw new HttpError(409, "Git Repository is empty.");
}

// src/sandbox/routes/lookup.ts
function repoOf(context) {
  const repo = context.state.repo(`${context.params.owner}/${context.params.repo}`);
  if (!repo) throw new HttpError(404, "Not Found");
  if (context.caller.kind === "installation" && context.caller.installationId !== repo.installationId)
    throw new HttpError(404, "Not Found");
  checkWorkflowReach(context, repo, context.method);
  return repo;
}
function issueOf(repo, number) {
  const issue = repo.issues.get(Number(number));
  if (!issue) throw new HttpError(404, "Not Found");
  return issue;
}
function actorOf(context) {
  if (context.caller.kind === "user") return context.state.user(context.caller.login);
  return context.state.user("hindsight[bot]", "Bot");
}
function unprocessable(message, errors) {
  return new HttpError(422, message, errors);
}

// src/sandbox/web.ts
var selfServed = /* @__PURE__ */ new Set();
var hosts = /* @__PURE__ */ new Map();
function webUrlFor(api) {
  const url = new URL(api);
  return hosts.get(url.port) ?? (selfServed.has(url.port) ? url.origin : "https://github.com");
}
function useWebHost(url, host) {
  const { port } = new URL(url);
  if (host) hosts.set(port, host.replace(/\/+$/, ""));
  else hosts.delete(port);
}
function serveOwnWebLinks(url, on) {
  const { port } = new URL(url);
  if (on) selfServed.add(port);
  else selfServed.delete(port);
}

// src/sandbox/routes/contents.ts
var contentRoutes = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/contents/{path}",
    handler: (c) => {
      const repo = repoOf(c);
      const ref = c.query.get("ref") ?? repo.defaultBranch;
      const sha = c.state.resolve(repo, ref);
      if (!sha) throw new HttpError(404, `No commit found for the ref ${c.query.get("ref")}`);
      const tree = repo.commits.get(sha).tree;
      const path = (c.params.path ?? "").replace(/^\/+|\/+$/g, "");
      const owner = repo.owner.login;
      const blob = tree.get(path);
      const raw = /application\/vnd\.github(?:\.v3)?\.raw/.test(String(c.headers.accept ?? ""));
      if (blob) {
        const bytes = repo.blobs.get(blob);
        if (raw)
          return {
            status: 200,
            body: bytes,
            headers: { "content-type": "application/vnd.github.raw; charset=utf-8" }
          };
        return {
          status: 200,
          body: {
            ...entry(c.baseUrl, owner, repo.name, path, blob, bytes.length, "file", ref),
            content: bytes.toString("base64").replace(/(.{60})/g, "$1\n"),
            encoding: "base64"
          }
        };
      }
      const prefix = `${path}/`;
      const children = /* @__PURE__ */ new Map();
      for (const [file, blobSha] of tree) {
        if (path !== "" && !file.startsWith(prefix)) continue;
        const rest = path === "" ? file : file.slice(prefix.length);
        const [name, ...deeper] = rest.split("/");
        children.set(
          name,
          deeper.length ? { sha: "", size: 0, type: "dir" } : { sha: blobSha, size: repo.blobs.get(blobSha).length, type: "file" }
        );
      }
      if (children.size === 0) throw new HttpError(404, "Not Found");
      return {
        status: 200,
        // GitHub lists at most 1,000 entries of a folder, and says nothing of the rest.
        body: [...children].sort().slice(0, repo.behaviours.contentsListingLimit).map(
          ([name, child]) => entry(
            c.baseUrl,
            owner,
            repo.name,
            path ? `${path}/${name}` : name,
            child.sha,
            child.size,
            child.type,
            ref
          )
        )
      };
    }
  },
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/contents/{path}",
    handler: (c) => {
      const repo = repoOf(c);
      const body = c.body ?? {};
      const path = (c.params.path ?? "").replace(/^\/+/, "");
      if (typeof body.message !== "string")
        throw unprocessable(`Invalid request.

"message" wasn't supplied.`);
      if (typeof body.content !== "string")
        throw unprocessable(`Invalid request.

"content" wasn't supplied.`);
      if (path.split("/").some((part) => part === ".." || part === "." || part === "") || path.startsWith(".git/"))
        throw unprocessable("path contains a malformed path component");
      const branch = body.branch ?? repo.defaultBranch;
      const head = repo.refs.get(`refs/heads/${branch}`);
      if (!head && !(repo.commits.size === 0 && branch === repo.defaultBranch))
        throw new HttpError(404, `Branch ${branch} not found`);
      checkBranchWrite(repo, branch);
      const current = head ? repo.commits.get(head).tree.get(path) : void 0;
      if (current && body.sha === void 0)
        throw unprocessable(`Invalid request.

"sha" wasn't supplied.`);
      if (body.sha !== void 0 && body.sha !== current)
        throw new HttpError(409, `${path} does not match ${body.sha}`);
      const sha = c.state.commit(repo, {
        parent: head ?? null,
        message: body.message,
        changes: { [path]: Buffer.from(body.content, "base64") },
        author: actorOf(c)
      });
      repo.refs.set(`refs/heads/${branch}`, sha);
      const commit = repo.commits.get(sha);
      const blob = commit.tree.get(path);
      c.state.recordReferences(repo, body.message, { commit: sha, actor: actorOf(c) });
      c.state.emit?.({
        kind: "push",
        repo,
        ref: `refs/heads/${branch}`,
        before: head ?? "0".repeat(40),
        after: sha
      });
      const person = {
        name: commit.author.login,
        email: `${commit.author.login}@users.noreply.github.com`,
        date: commit.date
      };
      const url = `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/git/commits/${sha}`;
      return {
        status: current ? 200 : 201,
        body: {
          content: entry(
            c.baseUrl,
            repo.owner.login,
            repo.name,
            path,
            blob,
            repo.blobs.get(blob).length,
            "file",
            branch
          ),
          commit: {
            sha,
            node_id: `C_${sha.slice(0, 8)}`,
            url,
            html_url: `${webUrlFor(c.baseUrl)}/${repo.owner.login}/${repo.name}/commit/${sha}`,
            author: person,
            committer: person,
            message: commit.message,
            tree: { sha, url },
            parents: commit.parents.map((parent) => ({
              sha: parent,
              url: `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/git/commits/${parent}`,
              html_url: `${webUrlFor(c.baseUrl)}/${repo.owner.login}/${repo.name}/commit/${parent}`
            })),
            verification: {
              verified: false,
              reason: "unsigned",
              signature: null,
              payload: null,
              verified_at: null
            }
          }
        }
      };
    }
  }
];
function entry(api, owner, repo, path, sha, size, type, ref) {
  const url = `${api}/repos/${owner}/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${webUrlFor(api)}/${owner}/${repo}/${type === "file" ? "blob" : "tree"}/${ref}/${path}`;
  return {
    type,
    size,
    name: path.slice(path.lastIndexOf("/") + 1),
    path,
    sha,
    url,
    git_url: `${api}/repos/${owner}/${repo}/git/${type === "file" ? "blobs" : "trees"}/${sha}`,
    html_url: html,
    download_url: type === "file" ? `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}` : null,
    _links: { self: url, git: `${api}/repos/${owner}/${repo}/git/blobs/${sha}`, html }
  };
}

// src/sandbox/render.ts
function userJson(user, api) {
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}`,
    gravatar_id: "",
    url: `${api}/users/${user.login}`,
    html_url: `${webUrlFor(api)}/${user.login}`,
    followers_url: `${api}/users/${user.login}/followers`,
    following_url: `${api}/users/${user.login}/following{/other_user}`,
    gists_url: `${api}/users/${user.login}/gists{/gist_id}`,
    starred_url: `${api}/users/${user.login}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/users/${user.login}/subscriptions`,
    organizations_url: `${api}/users/${user.login}/orgs`,
    repos_url: `${api}/users/${user.login}/repos`,
    events_url: `${api}/users/${user.login}/events{/privacy}`,
    received_events_url: `${api}/users/${user.login}/received_events`,
    type: user.type,
    site_admin: false,
    user_view_type: "public"
  };
}
function repoJson(repo, api) {
  const full = `${repo.owner.login}/${repo.name}`;
  const url = `${api}/repos/${full}`;
  const at = "2026-01-01T00:00:00Z";
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: full,
    private: repo.private,
    owner: userJson(repo.owner, api),
    html_url: `${webUrlFor(api)}/${full}`,
    description: null,
    fork: false,
    url,
    ...Object.fromEntries(
      [
        "archive",
        "assignees",
        "blobs",
        "branches",
        "collaborators",
        "comments",
        "commits",
        "compare",
        "contents",
        "contributors",
        "deployments",
        "downloads",
        "events",
        "forks",
        "git_commits",
        "git_refs",
        "git_tags",
        "issue_comment",
        "issue_events",
        "issues",
        "keys",
        "labels",
        "languages",
        "merges",
        "milestones",
        "notifications",
        "pulls",
        "releases",
        "stargazers",
        "statuses",
        "subscribers",
        "subscription",
        "tags",
        "teams",
        "trees",
        "hooks"
      ].map((name) => [`${name}_url`, `${url}/${name}`])
    ),
    git_url: `git://${new URL(webUrlFor(api)).host}/${full}.git`,
    ssh_url: `git@${new URL(webUrlFor(api)).host}:${full}.git`,
    clone_url: `${webUrlFor(api)}/${full}.git`,
    svn_url: `${webUrlFor(api)}/${full}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks_count: 0,
    network_count: 0,
    subscribers_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: [...repo.issues.values()].filter((issue) => issue.state === "open").length,
    open_issues: [...repo.issues.values()].filter((issue) => issue.state === "open").length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? "private" : "public",
    pushed_at: at,
    created_at: at,
    updated_at: at,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true }
  };
}
function labelJson(label, repo, api) {
  return {
    id: label.id,
    node_id: `LA_${label.id}`,
    url: `${api}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false
  };
}
function commentJson(comment, repo, issue, api) {
  const full = `${repo.owner.login}/${repo.name}`;
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${api}/repos/${full}/issues/comments/${comment.id}`,
    html_url: `${webUrlFor(api)}/${full}/issues/${issue.number}#issuecomment-${comment.id}`,
    issue_url: `${api}/repos/${full}/issues/${issue.number}`,
    body: comment.body,
    user: userJson(comment.user, api),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: "MEMBER",
    performed_via_github_app: null
  };
}
function issueJson(state, repo, issue, api) {
  const full = `${repo.owner.login}/${repo.name}`;
  const url = `${api}/repos/${full}/issues/${issue.number}`;
  return {
    id: issue.id,
    node_id: `I_${issue.id}`,
    url,
    repository_url: `${api}/repos/${full}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${webUrlFor(api)}/${full}/${issue.pull ? "pull" : "issues"}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: userJson(issue.user, api),
    labels: issue.labels.map(
      (name) => labelJson(
        repo.labels.get(name.toLowerCase()) ?? { id: 0, name, color: "ededed", description: null },
        repo,
        api
      )
    ),
    assignee: issue.assignees[0] ? userJson(state.user(issue.assignees[0]), api) : null,
    assignees: issue.assignees.map((login) => userJson(state.user(login), api)),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments.length,
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_by: null,
    author_association: "MEMBER",
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0
    },
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    ...issue.pull ? {
      pull_request: {
        url: `${api}/repos/${full}/pulls/${issue.number}`,
        html_url: `${webUrlFor(api)}/${full}/pull/${issue.number}`,
        diff_url: `${webUrlFor(api)}/${full}/pull/${issue.number}.diff`,
        patch_url: `${webUrlFor(api)}/${full}/pull/${issue.number}.patch`,
        merged_at: null
      }
    } : {}
  };
}
function eventJson(event, repo, issue, api) {
  return {
    id: event.id,
    node_id: `E_${event.id}`,
    url: `${api}/repos/${repo.owner.login}/${repo.name}/issues/events/${event.id}`,
    actor: userJson(event.actor, api),
    event: event.event,
    commit_id: event.commit_id ?? null,
    commit_url: event.commit_id ? `${api}/repos/${repo.owner.login}/${repo.name}/commits/${event.commit_id}` : null,
    created_at: event.created_at,
    performed_via_github_app: null,
    ...event.label ? { label: event.label } : {},
    ...event.assignee ? { assignee: userJson(event.assignee, api), assigner: userJson(event.actor, api) } : {},
    ...event.source ? { source: sourceJson(event.source, api) } : {},
    ...issue ? {} : {}
  };
}
function sourceJson(source, api) {
  return {
    ...source,
    issue: { ...source.issue, html_url: `${webUrlFor(api)}${source.issue.html_url}` }
  };
}

// src/sandbox/routes/issues.ts
var issueRoutes = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues",
    handler: (c) => {
      const repo = repoOf(c);
      const state = c.query.get("state") ?? "open";
      const labels = (c.query.get("labels") ?? "").split(",").filter(Boolean).map((l) => l.toLowerCase());
      const direction = c.query.get("direction") ?? "desc";
      const since = c.query.get("since");
      const items = [...repo.issues.values()].filter((issue) => state === "all" || issue.state === state).filter((issue) => !since || issue.updated_at >= since).filter(
        (issue) => labels.every((label) => issue.labels.some((l) => l.toLowerCase() === label))
      ).sort((a, b) => direction === "asc" ? a.number - b.number : b.number - a.number);
      return page(
        c,
        items.map((issue) => issueJson(c.state, repo, issue, c.baseUrl)),
        `/repos/${c.params.owner}/${c.params.repo}/issues`
      );
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues",
    handler: (c) => {
      const repo = repoOf(c);
      const body = c.body ?? {};
      if (typeof body.title !== "string" || body.title.trim() === "")
        throw unprocessable("Validation Failed", [
          { resource: "Issue", code: "missing_field", field: "title" }
        ]);
      checkIssueText(body);
      const actor = actorOf(c);
      const issue = newIssue(c, repo, { title: body.title, body: body.body ?? null, user: actor });
      for (const label of body.labels ?? []) addLabel(c, repo, issue, label, actor, false);
      for (const login of body.assignees ?? [])
        if (assignable(repo, login)) issue.assignees.push(login);
      c.state.recordReferences(repo, issue.body, { issue, actor });
      c.state.emit?.({ kind: "issues", action: "opened", repo, issue, sender: actor });
      return { status: 201, body: issueJson(c.state, repo, issue, c.baseUrl) };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    handler: (c) => {
      const repo = repoOf(c);
      return {
        status: 200,
        body: issueJson(c.state, repo, issueOf(repo, c.params.issue_number), c.baseUrl)
      };
    }
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const body = c.body ?? {};
      checkIssueText(body);
      const actor = actorOf(c);
      if (body.title !== void 0) issue.title = body.title;
      if (body.body !== void 0) issue.body = body.body;
      if (body.labels) {
        issue.labels = [];
        for (const label of body.labels) addLabel(c, repo, issue, label, actor, false);
      }
      if (body.assignees)
        issue.assignees = body.assignees.filter((login) => assignable(repo, login));
      issue.updated_at = c.state.timestamp();
      if (body.state && body.state !== issue.state)
        setState(c, repo, issue, body.state, body.state_reason ?? null, actor);
      else if (body.title !== void 0 || body.body !== void 0)
        c.state.emit?.({
          kind: issue.pull ? "pull_request" : "issues",
          action: "edited",
          repo,
          issue,
          sender: actor
        });
      return { status: 200, body: issueJson(c.state, repo, issue, c.baseUrl) };
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const given = Array.isArray(c.body) ? c.body : (c.body ?? {}).labels;
      if (!Array.isArray(given) || given.some(
        (label) => typeof label !== "string" && typeof label?.name !== "string"
      ))
        throw unprocessable("Invalid request.\n\nFor 'properties/labels', nil is not an array.");
      const actor = actorOf(c);
      for (const label of given)
        addLabel(
          c,
          repo,
          issue,
          typeof label === "string" ? label : label.name,
          actor,
          true
        );
      return {
        status: 200,
        body: issue.labels.map(
          (name) => labelJson(repo.labels.get(name.toLowerCase()), repo, c.baseUrl)
        )
      };
    }
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const name = c.params.name ?? "";
      const index = issue.labels.findIndex((label) => label.toLowerCase() === name.toLowerCase());
      if (index === -1) throw new HttpError(404, "Label does not exist");
      const [removed] = issue.labels.splice(index, 1);
      const actor = actorOf(c);
      issue.events.push({
        id: c.state.id(),
        event: "unlabeled",
        actor,
        created_at: c.state.timestamp(),
        label: {
          name: removed,
          color: repo.labels.get(removed.toLowerCase())?.color ?? "ededed"
        }
      });
      c.state.emit?.({
        kind: issue.pull ? "pull_request" : "issues",
        action: "unlabeled",
        repo,
        issue,
        sender: actor,
        label: removed
      });
      return {
        status: 200,
        body: issue.labels.map(
          (label) => labelJson(repo.labels.get(label.toLowerCase()), repo, c.baseUrl)
        )
      };
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/assignees",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const actor = actorOf(c);
      for (const login of (c.body ?? {}).assignees ?? []) {
        if (!assignable(repo, login) || issue.assignees.includes(login)) continue;
        issue.assignees.push(login);
        issue.events.push({
          id: c.state.id(),
          event: "assigned",
          actor,
          assignee: c.state.user(login),
          created_at: c.state.timestamp()
        });
        c.state.emit?.({
          kind: "issues",
          action: "assigned",
          repo,
          issue,
          sender: actor,
          assignee: login
        });
      }
      return { status: 201, body: issueJson(c.state, repo, issue, c.baseUrl) };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      return page(
        c,
        issue.comments.map((comment) => commentJson(comment, repo, issue, c.baseUrl)),
        `/repos/${c.params.owner}/${c.params.repo}/issues/${issue.number}/comments`
      );
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const body = (c.body ?? {}).body;
      if (typeof body !== "string" || body === "")
        throw unprocessable("Validation Failed", [
          { resource: "IssueComment", code: "missing_field", field: "body" }
        ]);
      if (body.length > 65536)
        throw unprocessable("Validation Failed", [
          {
            resource: "IssueComment",
            code: "custom",
            field: "body",
            message: "Body is too long (maximum is 65536 characters)"
          }
        ]);
      const at = c.state.timestamp();
      const actor = actorOf(c);
      const comment = { id: c.state.id(), body, user: actor, created_at: at, updated_at: at };
      issue.comments.push(comment);
      issue.updated_at = at;
      c.state.recordReferences(repo, body, { issue, actor });
      c.state.emit?.({
        kind: "issue_comment",
        action: "created",
        repo,
        issue,
        comment,
        sender: actor
      });
      return { status: 201, body: commentJson(comment, repo, issue, c.baseUrl) };
    }
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    handler: (c) => {
      const repo = repoOf(c);
      for (const issue of repo.issues.values()) {
        const comment = issue.comments.find(
          (candidate) => candidate.id === Number(c.params.comment_id)
        );
        if (!comment) continue;
        const body = (c.body ?? {}).body;
        if (typeof body !== "string" || body === "") throw unprocessable("Validation Failed");
        comment.body = body;
        comment.updated_at = c.state.timestamp();
        return { status: 200, body: commentJson(comment, repo, issue, c.baseUrl) };
      }
      throw new HttpError(404, "Not Found");
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/events",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      return page(
        c,
        issue.events.map((event) => ({
          ...eventJson(event, repo, issue, c.baseUrl),
          issue: void 0
        })),
        `/repos/${c.params.owner}/${c.params.repo}/issues/${issue.number}/events`
      );
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/timeline",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = issueOf(repo, c.params.issue_number);
      const items = [
        ...issue.events.map((event) => ({
          at: event.created_at,
          item: eventJson(event, repo, issue, c.baseUrl)
        })),
        ...issue.comments.map((comment) => ({
          at: comment.created_at,
          item: {
            ...commentJson(comment, repo, issue, c.baseUrl),
            event: "commented",
            actor: commentJson(comment, repo, issue, c.baseUrl).user
          }
        }))
      ].sort((a, b) => a.at.localeCompare(b.at));
      return page(
        c,
        items.map(({ item }) => item),
        `/repos/${c.params.owner}/${c.params.repo}/issues/${issue.number}/timeline`
      );
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/labels",
    handler: (c) => {
      const repo = repoOf(c);
      return page(
        c,
        [...repo.labels.values()].map((label) => labelJson(label, repo, c.baseUrl)),
        `/repos/${c.params.owner}/${c.params.repo}/labels`
      );
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/labels",
    handler: (c) => {
      const repo = repoOf(c);
      const body = c.body ?? {};
      if (typeof body.name !== "string" || body.name === "")
        throw unprocessable("Validation Failed", [
          { resource: "Label", code: "missing_field", field: "name" }
        ]);
      if (repo.labels.has(body.name.toLowerCase()))
        throw unprocessable("Validation Failed", [
          { resource: "Label", code: "already_exists", field: "name" }
        ]);
      const label = {
        id: c.state.id(),
        name: body.name,
        color: (body.color ?? "ededed").replace(/^#/, ""),
        description: body.description ?? null
      };
      repo.labels.set(body.name.toLowerCase(), label);
      return { status: 201, body: labelJson(label, repo, c.baseUrl) };
    }
  }
];
function newIssue(c, repo, input) {
  const at = c.state.timestamp();
  const issue = {
    number: c.state.nextNumber(repo),
    id: c.state.id(),
    title: input.title,
    body: input.body,
    state: "open",
    state_reason: null,
    user: input.user,
    labels: [],
    assignees: [],
    comments: [],
    events: [],
    created_at: at,
    updated_at: at,
    closed_at: null
  };
  repo.issues.set(issue.number, issue);
  return issue;
}
function addLabel(c, repo, issue, name, actor, emit) {
  if (issue.labels.some((label2) => label2.toLowerCase() === name.toLowerCase())) return;
  let label = repo.labels.get(name.toLowerCase());
  if (!label) {
    label = { id: c.state.id(), name, color: "ededed", description: null };
    repo.labels.set(name.toLowerCase(), label);
  }
  issue.labels.push(label.name);
  issue.updated_at = c.state.timestamp();
  issue.events.push({
    id: c.state.id(),
    event: "labeled",
    actor,
    created_at: c.state.timestamp(),
    label: { name: label.name, color: label.color }
  });
  if (emit)
    c.state.emit?.({
      kind: issue.pull ? "pull_request" : "issues",
      action: "labeled",
      repo,
      issue,
      sender: actor,
      label: label.name
    });
}
function setState(c, repo, issue, state, reason, actor) {
  issue.state = state;
  issue.updated_at = c.state.timestamp();
  issue.state_reason = state === "closed" ? reason ?? "completed" : "reopened";
  issue.closed_at = state === "closed" ? c.state.timestamp() : null;
  issue.events.push({
    id: c.state.id(),
    event: state === "closed" ? "closed" : "reopened",
    actor,
    created_at: c.state.timestamp()
  });
  c.state.emit?.({
    kind: issue.pull ? "pull_request" : "issues",
    action: state === "closed" ? "closed" : "reopened",
    repo,
    issue,
    sender: actor
  });
}
function assignable(repo, login) {
  return repo.collaborators.has(login.toLowerCase()) || repo.owner.login.toLowerCase() === login.toLowerCase();
}

// src/sandbox/routes/repos.ts
import { randomBytes } from "node:crypto";
var repoRoutes = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}",
    handler: (c) => ({ status: 200, body: repoJson(repoOf(c), c.baseUrl) })
  },
  {
    // The token's account. Installation tokens (an app's, a workflow's GITHUB_TOKEN) are refused,
    // as on GitHub: they cannot say who they write as.
    method: "GET",
    path: "/user",
    handler: (c) => {
      if (c.caller.kind !== "user" || c.caller.workflow)
        throw new HttpError(403, "Resource not accessible by integration");
      const user = c.state.user(c.caller.login);
      return {
        status: 200,
        body: {
          ...userJson(user, c.baseUrl),
          name: null,
          company: null,
          blog: "",
          location: null,
          email: null,
          hireable: null,
          bio: null,
          public_repos: 0,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: "2026-01-01T00:00:00Z",
          updated_at: "2026-01-01T00:00:00Z"
        }
      };
    }
  },
  {
    method: "GET",
    path: "/app",
    auth: "app",
    handler: (c) => ({
      status: 200,
      body: {
        id: 1,
        slug: "hindsight",
        node_id: "A_1",
        client_id: "Iv1.sandbox",
        owner: userJson(c.state.user("hindsight-dev", "Organization"), c.baseUrl),
        name: "Hindsight",
        description: "Sandbox app",
        external_url: "http://127.0.0.1",
        html_url: `${webUrlFor(c.baseUrl)}/apps/hindsight`,
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
        permissions: {
          contents: "write",
          issues: "write",
          pull_requests: "write",
          metadata: "read"
        },
        events: ["issues", "issue_comment", "push"]
      }
    })
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/installation",
    auth: "app",
    handler: (c) => {
      const repo = c.state.repo(`${c.params.owner}/${c.params.repo}`);
      if (!repo) throw new HttpError(404, "Not Found");
      return { status: 200, body: installationJson(repo.installationId, repo.owner, c.baseUrl) };
    }
  },
  {
    method: "POST",
    path: "/app/installations/{installation_id}/access_tokens",
    auth: "app",
    handler: (c) => {
      const id = Number(c.params.installation_id);
      if (![...c.state.repos.values()].some((repo) => repo.installationId === id))
        throw new HttpError(404, "Not Found");
      const token = `ghs_${randomBytes(18).toString("hex")}`;
      c.state.tokens.set(token, id);
      return {
        status: 201,
        body: {
          token,
          expires_at: new Date(Date.now() + 36e5).toISOString().replace(/\.\d{3}Z$/, "Z"),
          permissions: {
            contents: "write",
            issues: "write",
            pull_requests: "write",
            metadata: "read"
          },
          repository_selection: "all"
        }
      };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/ref/{ref}",
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const name = `refs/${c.params.ref}`;
      const sha = repo.refs.get(name);
      if (!sha) throw new HttpError(404, "Not Found");
      return { status: 200, body: refJson(c.baseUrl, repo.owner.login, repo.name, name, sha) };
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/refs",
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const { ref, sha } = c.body ?? {};
      if (typeof ref !== "string" || !/^refs\/(heads|tags)\/[^\s~^:?*[\\]+$/.test(ref) || ref.includes(".."))
        throw unprocessable(`${String(ref)} is not a valid ref name.`);
      if (typeof sha !== "string" || !repo.commits.has(sha))
        throw unprocessable("Object does not exist");
      if (repo.refs.has(ref)) throw unprocessable("Reference already exists");
      repo.refs.set(ref, sha);
      return { status: 201, body: refJson(c.baseUrl, repo.owner.login, repo.name, ref, sha) };
    }
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/git/refs/{ref}",
    handler: (c) => {
      const repo = repoOf(c);
      const name = `refs/${c.params.ref}`;
      const { sha, force } = c.body ?? {};
      const current = repo.refs.get(name);
      if (!current) throw unprocessable("Reference does not exist");
      if (typeof sha !== "string" || !repo.commits.has(sha))
        throw unprocessable("Object does not exist");
      const fastForward = c.state.isAncestor(repo, current, sha);
      if (!force && !fastForward) throw unprocessable("Update is not a fast forward");
      checkForcedUpdate(repo, force === true, fastForward);
      repo.refs.set(name, sha);
      return { status: 200, body: refJson(c.baseUrl, repo.owner.login, repo.name, name, sha) };
    }
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/git/refs/{ref}",
    handler: (c) => {
      const repo = repoOf(c);
      const name = `refs/${c.params.ref}`;
      if (!repo.refs.has(name)) throw unprocessable("Reference does not exist");
      if (name === `refs/heads/${repo.defaultBranch}`)
        throw unprocessable("Cannot delete the default branch");
      repo.refs.delete(name);
      return { status: 204 };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}",
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const sha = c.state.resolve(repo, c.params.ref);
      const commit = sha ? repo.commits.get(sha) : void 0;
      if (!commit) throw unprocessable(`No commit found for SHA: ${c.params.ref}`);
      const parent = commit.parents[0] ? repo.commits.get(commit.parents[0]) : void 0;
      const files = page(
        c,
        diff(parent?.tree, commit.tree),
        `/repos/${c.params.owner}/${c.params.repo}/commits/${c.params.ref}`,
        repo.behaviours.commitFilesPerPage
      );
      return {
        status: 200,
        body: {
          ...commitJson(c.baseUrl, repo.owner.login, repo.name, commit),
          files: files.body
        },
        headers: files.headers ?? {}
      };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/compare/{basehead}",
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const [base, head] = (c.params.basehead ?? "").split("...");
      const baseSha = c.state.resolve(repo, base);
      const headSha = c.state.resolve(repo, head);
      if (!baseSha || !headSha) throw new HttpError(404, "Not Found");
      const from = mergeBase(repo, baseSha, headSha) ?? baseSha;
      const files = diff(repo.commits.get(from)?.tree, repo.commits.get(headSha)?.tree).slice(
        0,
        repo.behaviours.compareFileLimit
      );
      const status = baseSha === headSha ? "identical" : c.state.isAncestor(repo, baseSha, headSha) ? "ahead" : c.state.isAncestor(repo, headSha, baseSha) ? "behind" : "diverged";
      return {
        status: 200,
        body: {
          status,
          ahead_by: 1,
          behind_by: 0,
          total_commits: 1,
          commits: [],
          files,
          base_commit: commitJson(
            c.baseUrl,
            repo.owner.login,
            repo.name,
            repo.commits.get(baseSha)
          ),
          merge_base_commit: commitJson(
            c.baseUrl,
            repo.owner.login,
            repo.name,
            repo.commits.get(baseSha)
          ),
          url: "",
          html_url: "",
          permalink_url: "",
          diff_url: "",
          patch_url: ""
        }
      };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/assignees/{assignee}",
    handler: (c) => {
      const repo = repoOf(c);
      const login = (c.params.assignee ?? "").toLowerCase();
      return {
        status: repo.collaborators.has(login) || repo.owner.login.toLowerCase() === login ? 204 : 404,
        ...repo.collaborators.has(login) ? {} : { body: { message: "Not Found" } }
      };
    }
  },
  {
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}/members",
    handler: (c) => {
      if (c.caller.kind === "user" && c.caller.workflow)
        throw new HttpError(403, "Resource not accessible by integration");
      const team = c.state.teams.get(`${c.params.org}/${c.params.team_slug}`.toLowerCase());
      if (!team) throw new HttpError(404, "Not Found");
      return {
        status: 200,
        body: team.members.map((login) => userJson(c.state.user(login), c.baseUrl))
      };
    }
  }
];
function installationJson(id, account, api) {
  return {
    id,
    account: userJson(account, api),
    repository_selection: "all",
    access_tokens_url: `${api}/app/installations/${id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${webUrlFor(api)}/organizations/${account.login}/settings/installations/${id}`,
    app_id: 1,
    app_slug: "hindsight",
    target_id: account.id,
    target_type: account.type,
    permissions: { contents: "write", issues: "write", pull_requests: "write", metadata: "read" },
    events: ["issues", "issue_comment", "push"],
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    single_file_name: null,
    suspended_by: null,
    suspended_at: null
  };
}
function refJson(api, owner, repo, ref, sha) {
  return {
    ref,
    node_id: `REF_${sha.slice(0, 8)}`,
    url: `${api}/repos/${owner}/${repo}/git/${ref}`,
    object: { type: "commit", sha, url: `${api}/repos/${owner}/${repo}/git/commits/${sha}` }
  };
}
function commitJson(api, owner, repo, commit) {
  const person = {
    name: commit.author.login,
    email: `${commit.author.login}@users.noreply.github.com`,
    date: commit.date
  };
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 8)}`,
    url: `${api}/repos/${owner}/${repo}/commits/${commit.sha}`,
    html_url: `${webUrlFor(api)}/${owner}/${repo}/commit/${commit.sha}`,
    comments_url: `${api}/repos/${owner}/${repo}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/repos/${owner}/${repo}/git/commits/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.sha, url: "" }
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/repos/${owner}/${repo}/commits/${sha}`
    }))
  };
}
function mergeBase(repo, a, b) {
  const ofA = /* @__PURE__ */ new Set();
  for (const stack = [a]; stack.length > 0; ) {
    const sha = stack.pop();
    if (ofA.has(sha)) continue;
    ofA.add(sha);
    stack.push(...repo.commits.get(sha)?.parents ?? []);
  }
  const seen = /* @__PURE__ */ new Set();
  for (const queue = [b]; queue.length > 0; ) {
    const sha = queue.shift();
    if (ofA.has(sha)) return sha;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...repo.commits.get(sha)?.parents ?? []);
  }
  return null;
}
function diff(before, after) {
  const files = [];
  const paths = /* @__PURE__ */ new Set([...before?.keys() ?? [], ...after?.keys() ?? []]);
  for (const path of [...paths].sort()) {
    const a = before?.get(path);
    const b = after?.get(path);
    if (a === b) continue;
    const status = a === void 0 ? "added" : b === void 0 ? "removed" : "modified";
    files.push({
      sha: b ?? a ?? "",
      filename: path,
      status,
      additions: 0,
      deletions: 0,
      changes: 0,
      blob_url: "",
      raw_url: "",
      contents_url: ""
    });
  }
  return files;
}

// src/sandbox/routes/pulls.ts
var pullRoutes = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls",
    handler: (c) => {
      const repo = repoOf(c);
      const state = c.query.get("state") ?? "open";
      const head = c.query.get("head");
      const items = [...repo.issues.values()].filter((issue) => issue.pull).filter((issue) => state === "all" || issue.state === state).filter(
        (issue) => !head || `${repo.owner.login}:${issue.pull.head}`.toLowerCase() === head.toLowerCase()
      ).sort((a, b) => b.number - a.number);
      return page(
        c,
        items.map((issue) => pullJson(c, repo, issue)),
        `/repos/${c.params.owner}/${c.params.repo}/pulls`
      );
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls",
    handler: (c) => {
      const repo = repoOf(c);
      const body = c.body ?? {};
      if (typeof body.title !== "string" || typeof body.head !== "string" || typeof body.base !== "string")
        throw unprocessable("Validation Failed", [
          { resource: "PullRequest", code: "missing_field", field: "head" }
        ]);
      const head = body.head.includes(":") ? body.head.split(":")[1] : body.head;
      if (!repo.refs.has(`refs/heads/${head}`))
        throw unprocessable("Validation Failed", [
          { resource: "PullRequest", code: "invalid", field: "head" }
        ]);
      if (!repo.refs.has(`refs/heads/${body.base}`))
        throw unprocessable("Validation Failed", [
          { resource: "PullRequest", code: "invalid", field: "base" }
        ]);
      if (c.state.isAncestor(
        repo,
        repo.refs.get(`refs/heads/${head}`),
        repo.refs.get(`refs/heads/${body.base}`)
      )) {
        throw unprocessable("Validation Failed", [
          {
            resource: "PullRequest",
            code: "custom",
            message: `No commits between ${body.base} and ${head}`
          }
        ]);
      }
      checkOpenPull(c, repo, body.draft === true);
      const existing = [...repo.issues.values()].find(
        (issue2) => issue2.pull?.head === head && issue2.state === "open"
      );
      if (existing)
        throw unprocessable("Validation Failed", [
          {
            resource: "PullRequest",
            code: "custom",
            message: `A pull request already exists for ${repo.owner.login}:${head}.`
          }
        ]);
      const actor = actorOf(c);
      const issue = newIssue(c, repo, { title: body.title, body: body.body ?? null, user: actor });
      issue.pull = {
        head,
        base: body.base,
        draft: body.draft === true,
        merged: false,
        requestedReviewers: [],
        requestedTeams: [],
        reviews: []
      };
      c.state.recordReferences(repo, issue.body, { issue, actor });
      c.state.emit?.({ kind: "pull_request", action: "opened", repo, issue, sender: actor });
      return { status: 201, body: pullJson(c, repo, issue) };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}",
    handler: (c) => {
      const repo = repoOf(c);
      return { status: 200, body: pullJson(c, repo, pullOf(repo, c.params.pull_number)) };
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      const base = repo.commits.get(c.state.resolve(repo, issue.pull.base));
      const head = repo.commits.get(c.state.resolve(repo, issue.pull.head));
      return page(
        c,
        diff(base?.tree, head?.tree),
        `/repos/${c.params.owner}/${c.params.repo}/pulls/${issue.number}/files`
      );
    }
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      return page(
        c,
        issue.pull.reviews.map((review) => reviewJson(c, repo, issue, review)),
        `/repos/${c.params.owner}/${c.params.repo}/pulls/${issue.number}/reviews`
      );
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      const body = c.body ?? {};
      const states = {
        APPROVE: "APPROVED",
        REQUEST_CHANGES: "CHANGES_REQUESTED",
        COMMENT: "COMMENTED"
      };
      const state = states[body.event ?? ""];
      if (!state)
        throw unprocessable("Unprocessable Entity", [
          { resource: "PullRequestReview", code: "invalid", field: "event" }
        ]);
      const actor = actorOf(c);
      if (actor.login.toLowerCase() === issue.user.login.toLowerCase() && state !== "COMMENTED")
        throw unprocessable("Unprocessable Entity", ["Can not approve your own pull request"]);
      const review = {
        id: c.state.id(),
        user: actor,
        state,
        body: body.body ?? "",
        submitted_at: c.state.timestamp(),
        commit_id: c.state.resolve(repo, issue.pull.head) ?? ""
      };
      issue.pull.reviews.push(review);
      return { status: 200, body: reviewJson(c, repo, issue, review) };
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      const body = c.body ?? {};
      const reviewers = body.reviewers ?? [];
      checkReviewerNotAuthor(issue.user.login, reviewers);
      checkTeamReview(c, repo, body.team_reviewers ?? []);
      const bad = reviewers.filter((login) => !repo.collaborators.has(login.toLowerCase()));
      if (bad.length > 0)
        throw unprocessable(
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner.login}/${repo.name} repository.`
        );
      for (const login of reviewers)
        if (!issue.pull.requestedReviewers.includes(login))
          issue.pull.requestedReviewers.push(login);
      for (const team of body.team_reviewers ?? []) {
        if (!c.state.teams.has(`${repo.owner.login}/${team}`.toLowerCase()))
          throw unprocessable(`Could not resolve to a node with the global id of '${team}'`);
        if (!issue.pull.requestedTeams.includes(team)) issue.pull.requestedTeams.push(team);
      }
      return { status: 201, body: pullJson(c, repo, issue) };
    }
  },
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
    handler: (c) => {
      const repo = repoOf(c);
      const issue = pullOf(repo, c.params.pull_number);
      if (issue.state !== "open") throw new HttpError(405, "Pull Request is not mergeable");
      const baseRef = `refs/heads/${issue.pull.base}`;
      const before = repo.refs.get(baseRef);
      const head = repo.commits.get(repo.refs.get(`refs/heads/${issue.pull.head}`));
      const baseTree = repo.commits.get(before).tree;
      const changes = {};
      for (const file of diff(baseTree, head.tree))
        changes[file.filename] = file.status === "removed" ? null : repo.blobs.get(head.tree.get(file.filename));
      const sha = c.state.commit(repo, {
        parent: before,
        merged: head.sha,
        message: `Merge pull request #${issue.number}`,
        changes,
        author: actorOf(c)
      });
      repo.refs.set(baseRef, sha);
      issue.pull.merged = true;
      issue.state = "closed";
      issue.closed_at = c.state.timestamp();
      c.state.emit?.({ kind: "pull_request", action: "closed", repo, issue, sender: actorOf(c) });
      c.state.emit?.({ kind: "push", repo, ref: baseRef, before, after: sha });
      return {
        status: 200,
        body: { sha, merged: true, message: "Pull Request successfully merged" }
      };
    }
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/check-runs",
    handler: (c) => {
      const repo = repoOf(c);
      const body = c.body ?? {};
      if (typeof body.name !== "string" || typeof body.head_sha !== "string")
        throw unprocessable("Validation Failed");
      if ((body.output?.annotations?.length ?? 0) > 50)
        throw unprocessable("Only 50 annotations are allowed per request");
      const run = {
        id: c.state.id(),
        name: body.name,
        head_sha: body.head_sha,
        status: body.status ?? "queued",
        conclusion: body.conclusion ?? null,
        output: body.output ?? null
      };
      repo.checkRuns.push(run);
      return { status: 201, body: checkRunJson(c, repo, run) };
    }
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    handler: (c) => {
      const repo = repoOf(c);
      const run = repo.checkRuns.find(
        (candidate) => candidate.id === Number(c.params.check_run_id)
      );
      if (!run) throw new HttpError(404, "Not Found");
      const body = c.body ?? {};
      if ((body.output?.annotations?.length ?? 0) > 50)
        throw unprocessable("Only 50 annotations are allowed per request");
      Object.assign(run, {
        ...body.status ? { status: body.status } : {},
        ...body.conclusion ? { conclusion: body.conclusion, status: "completed" } : {},
        ...body.output ? { output: body.output } : {}
      });
      return { status: 200, body: checkRunJson(c, repo, run) };
    }
  }
];
function reviewJson(c, repo, issue, review) {
  const full = `${repo.owner.login}/${repo.name}`;
  const html = `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}#pullrequestreview-${review.id}`;
  const pull = `${c.baseUrl}/repos/${full}/pulls/${issue.number}`;
  return {
    id: review.id,
    node_id: `PRR_${review.id}`,
    user: userJson(review.user, c.baseUrl),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pull,
    _links: { html: { href: html }, pull_request: { href: pull } },
    submitted_at: review.submitted_at,
    commit_id: review.commit_id,
    author_association: "MEMBER"
  };
}
function checkRunJson(c, repo, run) {
  const url = `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/check-runs/${run.id}`;
  const output = run.output ?? {};
  return {
    id: run.id,
    head_sha: run.head_sha,
    node_id: `CR_${run.id}`,
    external_id: "",
    url,
    html_url: `${webUrlFor(c.baseUrl)}/${repo.owner.login}/${repo.name}/runs/${run.id}`,
    details_url: null,
    status: run.status,
    conclusion: run.conclusion,
    started_at: null,
    completed_at: null,
    output: {
      title: output.title ?? null,
      summary: output.summary ?? null,
      text: output.text ?? null,
      annotations_count: output.annotations?.length ?? 0,
      annotations_url: `${url}/annotations`
    },
    name: run.name,
    check_suite: null,
    app: null,
    pull_requests: []
  };
}
function pullOf(repo, number) {
  const issue = issueOf(repo, number);
  if (!issue.pull) throw new HttpError(404, "Not Found");
  return issue;
}
function pullJson(c, repo, issue) {
  const pull = issue.pull;
  const base = issueJson(c.state, repo, issue, c.baseUrl);
  const full = `${repo.owner.login}/${repo.name}`;
  const branch = (name) => ({
    label: `${repo.owner.login}:${name}`,
    ref: name,
    sha: c.state.resolve(repo, name) ?? "",
    user: userJson(repo.owner, c.baseUrl),
    repo: repoJson(repo, c.baseUrl)
  });
  return {
    ...base,
    url: `${c.baseUrl}/repos/${full}/pulls/${issue.number}`,
    html_url: `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}`,
    diff_url: `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}.diff`,
    patch_url: `${webUrlFor(c.baseUrl)}/${full}/pull/${issue.number}.patch`,
    issue_url: `${c.baseUrl}/repos/${full}/issues/${issue.number}`,
    commits_url: `${c.baseUrl}/repos/${full}/pulls/${issue.number}/commits`,
    review_comments_url: `${c.baseUrl}/repos/${full}/pulls/${issue.number}/comments`,
    review_comment_url: `${c.baseUrl}/repos/${full}/pulls/comments{/number}`,
    statuses_url: `${c.baseUrl}/repos/${full}/statuses/${branch(pull.head).sha}`,
    head: branch(pull.head),
    base: branch(pull.base),
    draft: pull.draft,
    merged: pull.merged,
    merged_at: pull.merged ? issue.closed_at : null,
    merge_commit_sha: null,
    requested_reviewers: pull.requestedReviewers.map(
      (login) => userJson(c.state.user(login), c.baseUrl)
    ),
    requested_teams: pull.requestedTeams.map((slug) => ({
      id: 1,
      node_id: "T_1",
      url: "",
      html_url: "",
      name: slug,
      slug,
      description: null,
      privacy: "closed",
      permission: "pull",
      members_url: "",
      repositories_url: "",
      parent: null,
      type: "organization"
    })),
    additions: 0,
    deletions: 0,
    changed_files: diff(
      c.state.repoCommitTree(repo, pull.base),
      c.state.repoCommitTree(repo, pull.head)
    ).length,
    commits: 1,
    comments: issue.comments.length,
    review_comments: 0,
    mergeable: issue.state === "open" ? true : null,
    mergeable_state: issue.state === "open" ? "clean" : "unknown",
    maintainer_can_modify: false,
    merged_by: null,
    _links: {
      self: { href: "" },
      html: { href: "" },
      issue: { href: "" },
      comments: { href: "" },
      review_comments: { href: "" },
      review_comment: { href: "" },
      commits: { href: "" },
      statuses: { href: "" }
    },
    author_association: "MEMBER",
    auto_merge: null,
    active_lock_reason: null
  };
}

// src/sandbox/routes/trees.ts
import { createHash as createHash2 } from "node:crypto";
var folders = /* @__PURE__ */ new WeakMap();
function folderSha(repo, commit, dir) {
  if (dir === "") return commit;
  const sha = createHash2("sha1").update(`tree ${commit} ${dir}`).digest("hex");
  const known = folders.get(repo) ?? /* @__PURE__ */ new Map();
  folders.set(repo, known);
  known.set(sha, { commit, dir });
  return sha;
}
var treeRoutes = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    handler: (c) => {
      const repo = repoOf(c);
      checkNotEmpty(repo);
      const name = c.params.tree_sha ?? "";
      const known = folders.get(repo)?.get(name);
      const commit = known?.commit ?? c.state.resolve(repo, name);
      if (!commit || !repo.commits.has(commit)) throw new HttpError(404, "Not Found");
      const dir = known?.dir ?? "";
      const prefix = dir === "" ? "" : `${dir}/`;
      const recursive = !["", "0", "false"].includes(c.query.get("recursive") ?? "");
      const entries = /* @__PURE__ */ new Map();
      for (const [path, blob] of repo.commits.get(commit).tree) {
        if (!path.startsWith(prefix)) continue;
        const parts = path.slice(prefix.length).split("/");
        for (let depth = 1; depth < parts.length && (recursive || depth === 1); depth++) {
          const sub = parts.slice(0, depth).join("/");
          if (!entries.has(sub))
            entries.set(sub, { type: "tree", sha: folderSha(repo, commit, prefix + sub) });
        }
        if (recursive || parts.length === 1)
          entries.set(parts.join("/"), {
            type: "blob",
            sha: blob,
            size: repo.blobs.get(blob).length
          });
      }
      const api = `${c.baseUrl}/repos/${repo.owner.login}/${repo.name}/git`;
      const all = [...entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
      const limit = repo.behaviours.treeEntryLimit;
      const sha = folderSha(repo, commit, dir);
      return {
        status: 200,
        body: {
          sha,
          url: `${api}/trees/${sha}`,
          tree: all.slice(0, limit).map(([path, entry2]) => ({
            path,
            mode: entry2.type === "tree" ? "040000" : "100644",
            type: entry2.type,
            sha: entry2.sha,
            ...entry2.size === void 0 ? {} : { size: entry2.size },
            url: `${api}/${entry2.type === "tree" ? "trees" : "blobs"}/${entry2.sha}`
          })),
          truncated: all.length > limit
        }
      };
    }
  }
];

// src/sandbox/pages.ts
var API_ROOTS = /* @__PURE__ */ new Set([
  "api",
  "app",
  "apps",
  "installation",
  "orgs",
  "rate_limit",
  "repos",
  "search",
  "teams",
  "user",
  "users"
]);
var ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
var escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
function renderPage(state, pathname) {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const [owner, name, kind, ...rest] = segments;
  if (!owner || !name || API_ROOTS.has(owner)) return null;
  const repo = state.repo(`${owner}/${name}`);
  if (!repo)
    return page2(404, "Not found", `<p>No repository ${escapeHtml(`${owner}/${name}`)}.</p>`);
  const full = `${repo.owner.login}/${repo.name}`;
  if (kind === void 0 || kind === "issues" || kind === "pulls") {
    if (kind === "issues" && rest[0]) return issuePage(state, full, Number(rest[0]));
    const items = [...repo.issues.values()].map(
      (issue) => `<li><a href="/${full}/${issue.pull ? "pull" : "issues"}/${issue.number}">#${issue.number}</a> ${escapeHtml(issue.title)} (${issue.pull ? "pull request" : "issue"}, ${issue.state})</li>`
    ).join("\n");
    return page2(200, full, `<ul>
${items}
</ul>`);
  }
  if (kind === "pull" && rest[0]) return issuePage(state, full, Number(rest[0]));
  if (kind === "blob" && rest.length >= 2) {
    const [ref, ...path] = rest;
    const tree = state.repoCommitTree(repo, ref);
    const blob = tree?.get(path.join("/"));
    if (!blob)
      return page2(
        404,
        "Not found",
        `<p>No file ${escapeHtml(path.join("/"))} at ${escapeHtml(ref)}.</p>`
      );
    const text = repo.blobs.get(blob)?.toString("utf8") ?? "";
    return page2(200, `${full}: ${path.join("/")} at ${ref}`, `<pre>${escapeHtml(text)}</pre>`);
  }
  return page2(404, "Not found", `<p>The sandbox has no page for ${escapeHtml(pathname)}.</p>`);
}
function issuePage(state, full, number) {
  const repo = state.repo(full);
  const issue = repo?.issues.get(number);
  if (!repo || !issue) return page2(404, "Not found", `<p>No issue or pull request #${number}.</p>`);
  const parts = [
    `<p>${issue.pull ? `Pull request${issue.pull.draft ? " (draft)" : ""}` : "Issue"} \xB7 ${issue.state} \xB7 opened by @${escapeHtml(issue.user.login)}` + (issue.labels.length > 0 ? ` \xB7 labels: ${issue.labels.map(escapeHtml).join(", ")}` : "") + "</p>"
  ];
  if (issue.pull) {
    const head = state.repoCommitTree(repo, issue.pull.head);
    const base = state.repoCommitTree(repo, issue.pull.base);
    const files = [...head ?? /* @__PURE__ */ new Map()].filter(([path, sha]) => base?.get(path) !== sha).map(
      ([path]) => `<li><a href="/${full}/blob/${encodeURIComponent(issue.pull.head)}/${path}">${escapeHtml(path)}</a></li>`
    );
    parts.push(
      `<p>${escapeHtml(issue.pull.head)} \u2192 ${escapeHtml(issue.pull.base)}</p><h2>Files changed</h2><ul>${files.join("")}</ul>`
    );
  }
  parts.push(`<pre>${escapeHtml(issue.body ?? "")}</pre>`);
  for (const comment of issue.comments)
    parts.push(
      `<h3>@${escapeHtml(comment.user.login)} commented</h3><pre>${escapeHtml(comment.body)}</pre>`
    );
  return page2(200, `${issue.title} \xB7 ${full}#${number}`, parts.join("\n"));
}
function page2(status, title, body) {
  return {
    status,
    html: `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
<p><small>Hindsight sandbox</small></p></body></html>
`
  };
}

// src/sandbox/state.ts
import { createHash as createHash3 } from "node:crypto";
var SandboxState = class {
  /** Set by the sandbox to deliver webhooks for what API calls change. */
  emit;
  users = /* @__PURE__ */ new Map();
  repos = /* @__PURE__ */ new Map();
  teams = /* @__PURE__ */ new Map();
  /** Installation tokens handed out, token → installation id. */
  tokens = /* @__PURE__ */ new Map();
  nextId = 1e3;
  /** A clock that only moves when told, so tests can assert on dates. */
  now = /* @__PURE__ */ new Date("2026-11-20T14:28:00Z");
  id() {
    return this.nextId++;
  }
  timestamp() {
    const value = this.now.toISOString().replace(/\.\d{3}Z$/, "Z");
    this.now = new Date(this.now.getTime() + 1e3);
    return value;
  }
  user(login, type = "User") {
    let user = this.users.get(login.toLowerCase());
    if (!user) {
      user = { login, id: this.id(), type };
      this.users.set(login.toLowerCase(), user);
    }
    return user;
  }
  repo(fullName) {
    return this.repos.get(fullName.toLowerCase());
  }
  /** Creates a repository with one commit holding `files` on its default branch. */
  createRepo(input) {
    const owner = this.user(input.owner, input.ownerType ?? "Organization");
    const repo = {
      id: this.id(),
      owner,
      name: input.name,
      private: input.private ?? false,
      defaultBranch: input.defaultBranch ?? "main",
      refs: /* @__PURE__ */ new Map(),
      commits: /* @__PURE__ */ new Map(),
      blobs: /* @__PURE__ */ new Map(),
      issues: /* @__PURE__ */ new Map(),
      labels: /* @__PURE__ */ new Map(),
      checkRuns: [],
      collaborators: new Set((input.collaborators ?? []).map((login) => login.toLowerCase())),
      // Repositories of one owner can share an installation, as on GitHub.
      installationId: input.installationId ?? this.id(),
      behaviours: { ...DEFAULT_BEHAVIOURS, ...input.behaviours }
    };
    this.repos.set(`${input.owner}/${input.name}`.toLowerCase(), repo);
    if (input.empty) return repo;
    const sha = this.commit(repo, {
      parent: null,
      message: "Initial commit",
      changes: input.files ?? { "README.md": `# ${input.name}
` },
      author: owner
    });
    repo.refs.set(`refs/heads/${repo.defaultBranch}`, sha);
    return repo;
  }
  /** Writes a blob and returns git's sha1 for it (`blob <size>\0<content>`). */
  blob(repo, content) {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const sha = createHash3("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    repo.blobs.set(sha, bytes);
    return sha;
  }
  /** A new commit: the parent's tree with `changes` applied (null deletes a path); `merged` makes it a merge commit. */
  commit(repo, input) {
    const tree = new Map(input.parent ? repo.commits.get(input.parent)?.tree : void 0);
    for (const [path, content] of Object.entries(input.changes)) {
      if (content === null) tree.delete(path);
      else tree.set(path, this.blob(repo, content));
    }
    const date = this.timestamp();
    const sha = createHash3("sha1").update(
      `commit\0${input.parent ?? ""}\0${input.message}\0${date}\0${[...tree].map(([p, s]) => `${p}:${s}`).join(",")}`
    ).digest("hex");
    repo.commits.set(sha, {
      sha,
      parents: [input.parent, input.merged].filter((p) => Boolean(p)),
      message: input.message,
      tree,
      author: input.author,
      date
    });
    return sha;
  }
  /** Whether `ancestor` is `sha` or reachable from it through parents. */
  isAncestor(repo, ancestor, sha) {
    const seen = /* @__PURE__ */ new Set();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.pop();
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...repo.commits.get(next)?.parents ?? []);
    }
    return false;
  }
  /** The commit sha a ref, branch name or sha names, or undefined. */
  resolve(repo, ref) {
    const name = ref ?? repo.defaultBranch;
    return repo.refs.get(name) ?? repo.refs.get(`refs/heads/${name}`) ?? repo.refs.get(`refs/tags/${name}`) ?? (repo.commits.has(name) ? name : void 0);
  }
  /** The tree (path → blob sha) of the commit a ref names. */
  repoCommitTree(repo, ref) {
    const sha = this.resolve(repo, ref);
    return sha ? repo.commits.get(sha)?.tree : void 0;
  }
  /**
   * What GitHub records when text mentions `#n`: a `cross-referenced` event on issue n pointing at
   * the issue or PR that mentioned it; and when a commit message does, a `referenced` event.
   */
  recordReferences(repo, text, from) {
    for (const match of (text ?? "").matchAll(/(?<![\w/])#(\d+)\b/g)) {
      const target = repo.issues.get(Number(match[1]));
      if (!target || target === from.issue) continue;
      const at = this.timestamp();
      if (from.commit) {
        target.events.push({
          id: this.id(),
          event: "referenced",
          actor: from.actor,
          created_at: at,
          commit_id: from.commit
        });
      } else if (from.issue) {
        const kind = from.issue.pull ? "pull" : "issues";
        target.events.push({
          id: this.id(),
          event: "cross-referenced",
          actor: from.actor,
          created_at: at,
          source: {
            type: "issue",
            issue: {
              number: from.issue.number,
              title: from.issue.title,
              html_url: `/${repo.owner.login}/${repo.name}/${kind}/${from.issue.number}`,
              ...from.issue.pull ? { pull_request: {} } : {}
            }
          }
        });
      }
    }
  }
  /** Issues and pull requests share one sequence of numbers, as on GitHub. */
  nextNumber(repo) {
    return repo.issues.size + 1;
  }
};

// src/sandbox/webhooks.ts
import { createHmac, randomUUID } from "node:crypto";
function signature(secret, body) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
async function deliver(input) {
  const body = JSON.stringify(input.payload);
  const id = input.id ?? randomUUID();
  const response = await fetch(input.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/sandbox",
      "x-github-event": input.name,
      "x-github-delivery": id,
      "x-github-hook-id": "1",
      "x-hub-signature-256": input.signatureOverride ?? signature(input.secret, body)
    },
    body
  });
  return {
    id,
    name: input.name,
    action: input.payload.action,
    status: response.status,
    response: await response.text()
  };
}
function payloadFor(state, event, api) {
  const repository = repoJson(event.repo, api);
  const installation = {
    id: event.repo.installationId,
    node_id: `MDIz_${event.repo.installationId}`
  };
  if (event.kind === "push") {
    const commit = event.repo.commits.get(event.after);
    const files = diff(event.repo.commits.get(event.before)?.tree, commit.tree);
    const pick = (status) => files.filter((file) => file.status === status).map((file) => file.filename);
    const entry2 = {
      id: commit.sha,
      tree_id: commit.sha,
      distinct: true,
      message: commit.message,
      timestamp: commit.date,
      url: `${webUrlFor(api)}/${event.repo.owner.login}/${event.repo.name}/commit/${commit.sha}`,
      author: {
        name: commit.author.login,
        email: `${commit.author.login}@users.noreply.github.com`,
        username: commit.author.login
      },
      committer: {
        name: commit.author.login,
        email: `${commit.author.login}@users.noreply.github.com`,
        username: commit.author.login
      },
      added: pick("added"),
      removed: pick("removed"),
      modified: pick("modified")
    };
    return {
      name: "push",
      payload: {
        ref: event.ref,
        before: event.before,
        after: event.after,
        created: false,
        deleted: false,
        forced: false,
        base_ref: null,
        compare: "",
        commits: [entry2],
        head_commit: entry2,
        repository: { ...repository, master_branch: event.repo.defaultBranch },
        pusher: { name: event.repo.owner.login, email: null },
        sender: userJson(commit.author, api),
        installation
      }
    };
  }
  const context = { state, baseUrl: api };
  const sender = userJson(event.sender, api);
  const label = "label" in event && event.label ? {
    label: labelJson(
      event.repo.labels.get(event.label.toLowerCase()) ?? {
        id: 0,
        name: event.label,
        color: "ededed",
        description: null
      },
      event.repo,
      api
    )
  } : {};
  if (event.kind === "issue_comment") {
    return {
      name: "issue_comment",
      payload: {
        action: event.action,
        issue: issueJson(state, event.repo, event.issue, api),
        comment: commentJson(event.comment, event.repo, event.issue, api),
        repository,
        sender,
        installation
      }
    };
  }
  if (event.kind === "pull_request") {
    return {
      name: "pull_request",
      payload: {
        action: event.action,
        number: event.issue.number,
        pull_request: pullJson(context, event.repo, event.issue),
        ...label,
        repository,
        sender,
        installation
      }
    };
  }
  const assignee = event.assignee ? { assignee: userJson(state.user(event.assignee), api) } : {};
  return {
    name: "issues",
    payload: {
      action: event.action,
      issue: issueJson(state, event.repo, event.issue, api),
      ...label,
      ...assignee,
      repository,
      sender,
      installation
    }
  };
}

// src/sandbox/index.ts
var ROUTES = [
  ...repoRoutes,
  ...contentRoutes,
  ...issueRoutes,
  ...pullRoutes,
  ...treeRoutes
];
var key;
function appKey() {
  key ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" }
  }).privateKey;
  return key;
}
async function startSandbox(options = {}) {
  const state = new SandboxState();
  const privateKey = appKey();
  const appId = options.appId ?? 4242;
  const webhookSecret = options.webhookSecret ?? "sandbox-webhook-secret";
  const userTokens = /* @__PURE__ */ new Map();
  const limiter = createContentLimiter();
  limiter.set(options.contentLimits ?? null);
  const router = createRouter({
    state,
    routes: ROUTES,
    appPublicKey: publicKeyOf(privateKey),
    appId,
    userTokens,
    limiter
  });
  if (options.faults !== void 0) router.faults = createFaults(options.faults);
  const deliveries = [];
  let webhookUrl = options.webhookUrl ?? null;
  let queue = Promise.resolve();
  let listener = null;
  const server = createServer((request, response) => {
    if (options.webPages && request.method === "GET") {
      const page3 = renderPage(state, new URL(request.url ?? "/", "http://sandbox").pathname);
      if (page3) {
        response.writeHead(page3.status, { "content-type": "text/html; charset=utf-8" });
        response.end(page3.html);
        return;
      }
    }
    router.handle(request, response).catch((error) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: `sandbox error: ${error.message}` }));
    });
  });
  server.keepAliveTimeout = 6e4;
  await new Promise((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  if (options.webPages) serveOwnWebLinks(url, true);
  if (options.webHost) useWebHost(url, options.webHost);
  state.emit = (event) => {
    if (!webhookUrl) return;
    const target = webhookUrl;
    const { name, payload } = payloadFor(state, event, url);
    queue = queue.then(async () => {
      let delivery;
      try {
        delivery = await deliver({ url: target, secret: webhookSecret, name, payload });
      } catch (error) {
        const cause = error.cause?.message;
        delivery = {
          id: "",
          name,
          action: payload.action,
          status: 0,
          response: cause ? `${error.message}: ${cause}` : String(error)
        };
      }
      deliveries.push(delivery);
      listener?.(delivery);
    });
  };
  return {
    url,
    state,
    log: router.log,
    deliveries,
    app: { id: appId, privateKey, webhookSecret },
    userToken(login) {
      const token = `ghu_${login}_${userTokens.size + 1}`;
      userTokens.set(token, { login, workflow: false });
      state.user(login);
      return token;
    },
    workflowToken(repository) {
      const token = `ghs_workflow_${userTokens.size + 1}`;
      userTokens.set(token, {
        login: "github-actions[bot]",
        workflow: true,
        ...repository ? { repository } : {}
      });
      state.user("github-actions[bot]", "Bot");
      return token;
    },
    setContentLimits(limits) {
      limiter.set(limits);
    },
    beforeRequest(hook) {
      router.before = hook;
    },
    setFaults(faults) {
      router.faults = faults === null ? null : createFaults(faults);
      return router.faults;
    },
    failNext({ method, route, status = 500, times = 1 }) {
      router.failures.push({ method: method.toUpperCase(), route, status, times });
    },
    setWebhook(next) {
      webhookUrl = next;
    },
    onDelivery(next) {
      listener = next;
    },
    async settled() {
      let seen;
      while (seen !== queue) {
        seen = queue;
        await queue;
      }
    },
    close: () => new Promise((resolve) => {
      if (options.webPages) serveOwnWebLinks(url, false);
      if (options.webHost) useWebHost(url, null);
      server.closeAllConnections?.();
      server.close(() => resolve());
    })
  };
}

// src/sandbox/seed.ts
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
function seedDemo(sandbox, examplesDir) {
  const files = {
    "README.md": "# payments\n\nThe payments API.\n",
    ".github/postmortem.yml": 'severityLabels: { sev1: SEV1, sev2: SEV2, "severity: critical": SEV1 }\nrules:\n  review-due: off\n  action-item-overdue: off\n'
  };
  for (const name of readdirSync(examplesDir).filter((file) => file.endsWith(".md")))
    files[`postmortems/${name}`] = readFileSync(join(examplesDir, name), "utf8");
  const repo = sandbox.state.createRepo({
    owner: "acme",
    name: "payments",
    files,
    collaborators: ["alice", "bob", "carol"]
  });
  sandbox.state.teams.set("acme/sre", { org: "acme", slug: "sre", members: ["bob", "carol"] });
  return repo;
}

export {
  parseFaults,
  startSandbox,
  seedDemo
};
