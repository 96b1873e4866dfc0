import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createGateway,
  errorMessage,
  httpStatus,
  remindReviews,
  syncActionItems
} from "./chunk-XCZAXBWB.js";
import {
  CONFIG_ERROR_MARKER,
  applyEdits,
  formatConfigError,
  incidentMarker,
  isPostmortemOf,
  lastBodyMarker,
  linkMarker,
  loadConfig,
  markerOf,
  parsePostmortem,
  planPostmortem,
  postmortemCandidates,
  setFieldEdit,
  startsWithMarker,
  validateConfig,
  writtenBy
} from "./chunk-76G57KEG.js";
import {
  defuseMarkers,
  defuseMentions,
  renderTemplate
} from "./chunk-YEAXQ7DL.js";

// src/flows/fill-resolved.ts
async function fillResolved(input) {
  const { gateway, config, incident, closedAt, log } = input;
  const branch = `hindsight/incident-${incident}`;
  const pull = await gateway.findOpenPull(branch);
  if (!pull) return "no-postmortem";
  const directory = `${config.directory.replace(/\/+$/, "")}/`;
  const paths = (await gateway.listPullFiles(pull.number)).filter((f) => f.status !== "removed" && f.path.startsWith(directory) && f.path.endsWith(".md")).map((f) => f.path);
  let result = "no-postmortem";
  for (const path of paths) {
    for (let attempt = 1; ; attempt++) {
      const file = await gateway.getFile(path, branch);
      if (!file) break;
      const postmortem = parsePostmortem(path, file.text);
      if (Number(postmortem.frontMatter.data.incident) !== incident && postmortem.frontMatter.data.incident !== `#${incident}`)
        break;
      const edit = setFieldEdit(postmortem, "resolved_at", closedAt, { onlyIfEmpty: true });
      if (!edit) {
        result = result === "filled" ? "filled" : "kept";
        break;
      }
      try {
        await gateway.putFile({
          path,
          branch,
          text: applyEdits(file.text, [edit]),
          message: `Fill resolved_at from the closing of #${incident}`,
          sha: file.sha
        });
        result = "filled";
        break;
      } catch (error) {
        const status = httpStatus(error);
        if (status !== 409 && status !== 422 || attempt >= 5) throw error;
        log.info(
          `${path} changed while filling resolved_at (HTTP ${status}); retrying on the fresh content.`
        );
      }
    }
  }
  return result;
}

// src/flows/load-repo-config.ts
var CONFIG_PATH = ".github/postmortem.yml";
async function loadRepoConfig(input) {
  let raw;
  try {
    raw = await input.probotConfig() ?? {};
  } catch {
    return loadConfig(await readText(input.gateway), CONFIG_PATH, input.knownTemplates);
  }
  const loaded = validateConfig(raw, { file: CONFIG_PATH, knownTemplates: input.knownTemplates });
  if (loaded.errors.length === 0) return loaded;
  const located = loadConfig(await readText(input.gateway), CONFIG_PATH, input.knownTemplates);
  return located.errors.length > 0 ? located : loaded;
}
async function readText(gateway) {
  return gateway.readFile(CONFIG_PATH, await gateway.getDefaultBranch());
}

// src/flows/lock.ts
function createKeyedLock() {
  const tails = /* @__PURE__ */ new Map();
  return async function withLock(key, work) {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => void 0);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

// src/flows/open-postmortem.ts
async function openPostmortem(input) {
  const { gateway, config, incident, log, self } = input;
  const events = await gateway.listTimeline(incident.number);
  const comments = events.filter((e) => e.event === "commented" && e.body !== null).map((e) => ({
    login: e.actor ?? "ghost",
    body: e.body,
    createdAt: e.createdAt ?? incident.createdAt,
    url: e.url ?? incident.url
  }));
  const ours = (comment, marker) => writtenBy(comment.login, self) && startsWithMarker(comment.body, marker);
  const facts = {
    ...incident,
    events,
    // Hindsight's own comments are not part of the incident's story.
    comments: comments.filter((c) => !(writtenBy(c.login, self) && c.body.startsWith("<!--")))
  };
  const plan = planPostmortem(facts, config);
  const template = input.templates.get(config.template);
  if (!template) throw new Error(`Template "${config.template}" does not exist.`);
  const text = renderTemplate(template, plan.values);
  const linked = comments.some((comment) => ours(comment, linkMarker(incident.number)));
  if (config.open.as === "issue") {
    const marker = incidentMarker(incident.number);
    const existing = (await gateway.listIssuesByLabel(config.labels.postmortem)).find(
      (issue2) => writtenBy(issue2.author, self) && lastBodyMarker(issue2.body, "incident") === String(incident.number)
    );
    const issue = existing ?? await gateway.createIssue({
      title: plan.pullTitle,
      // An issue body notifies whoever it mentions: the timeline's mentions are defused.
      body: `Refs #${incident.number}

${defuseMentions(text)}

${marker}`,
      labels: [config.labels.postmortem]
    });
    if (!linked)
      await gateway.createComment(
        incident.number,
        linkComment(incident.number, "issue", issue.url, !existing)
      );
    return { kind: "issue", number: issue.number, url: issue.url, created: !existing };
  }
  const base = input.defaultBranch;
  const head = await gateway.branchSha(plan.branch);
  const open = head ? await gateway.findOpenPull(plan.branch) : null;
  if (open && (linked || !writtenBy(open.author, self))) {
    if (!linked)
      await gateway.createComment(
        incident.number,
        linkComment(incident.number, "pull request", open.url, false)
      );
    return { kind: "pull-request", number: open.number, url: open.url, created: false };
  }
  if (!open) {
    const landed = await findLanded(input, base);
    if (landed) {
      if (!linked)
        await gateway.createComment(
          incident.number,
          linkComment(incident.number, "file", landed.url, false)
        );
      return { kind: "file", number: null, url: landed.url, created: false, path: landed.path };
    }
  }
  const path = await ensureFile({ input, plan, text, head, pull: open?.number ?? null });
  const pull = open ? { number: open.number, url: open.url, created: false, author: open.author } : await gateway.openPullRequest({
    title: plan.pullTitle,
    head: plan.branch,
    base,
    body: plan.pullBody,
    draft: true
  });
  await ensureLabelAndReviewers({
    input,
    plan,
    pull: pull.number,
    fresh: pull.created,
    author: pull.author
  });
  if (!linked)
    await gateway.createComment(
      incident.number,
      linkComment(incident.number, "pull request", pull.url, true)
    );
  log.info(`Postmortem PR #${pull.number} for incident #${incident.number} is complete.`);
  return { kind: "pull-request", number: pull.number, url: pull.url, created: pull.created, path };
}
async function ensureFile(args) {
  const { input, plan } = args;
  const { gateway, log } = input;
  const base = input.defaultBranch;
  if (!args.head) {
    const baseSha = await gateway.branchSha(base);
    if (!baseSha) throw new Error(`The default branch ${base} has no commits to branch from.`);
    await gateway.createBranch(plan.branch, baseSha);
  } else {
    const directory = `${input.config.directory.replace(/\/+$/, "")}/`;
    const changed = args.pull !== null ? await gateway.listPullFiles(args.pull) : await gateway.listPushFiles(base, plan.branch);
    const existing = changed.find(
      (file) => file.status !== "removed" && file.path.startsWith(directory) && file.path.endsWith(".md")
    );
    if (existing) return existing.path;
  }
  try {
    await gateway.putFile({
      path: plan.path,
      branch: plan.branch,
      text: args.text,
      message: `Draft postmortem for #${input.incident.number}`
    });
  } catch (error) {
    if (httpStatus(error) !== 422 && httpStatus(error) !== 409) throw error;
    log.info(`${plan.path} appeared on ${plan.branch} while writing it; keeping that version.`);
  }
  return plan.path;
}
async function ensureLabelAndReviewers(args) {
  const { input, plan, pull } = args;
  const { gateway, config, log } = input;
  const state = args.fresh ? null : await gateway.getPullReviewState(pull);
  const label = config.labels.postmortem;
  if (!state?.labels.some((name) => name.toLowerCase() === label.toLowerCase()))
    await gateway.addLabels(pull, [label]);
  const author = args.author?.toLowerCase() ?? null;
  let logins = plan.reviewers.filter((login) => login.toLowerCase() !== author);
  let teams = plan.teams;
  if (state) {
    const reviewed = new Set((await gateway.listReviews(pull)).map((r) => r.login.toLowerCase()));
    const asked = new Set(state.requested.map((login) => login.toLowerCase()));
    const askedTeams = new Set(state.teams.map((team) => team.toLowerCase()));
    logins = logins.filter(
      (login) => !asked.has(login.toLowerCase()) && !reviewed.has(login.toLowerCase())
    );
    teams = teams.filter((team) => !askedTeams.has(team.team.toLowerCase()));
  }
  await requestReview({
    gateway,
    pull,
    logins,
    teams,
    org: input.repository.split("/")[0],
    log
  });
}
async function findLanded(input, ref) {
  const files = await input.gateway.listMarkdown(input.config.directory.replace(/\/+$/, ""), ref);
  const candidates = new Set(
    postmortemCandidates(
      files.map((file) => file.path),
      input.incident.createdAt
    )
  );
  for (const file of files) {
    if (!candidates.has(file.path)) continue;
    const text = await input.gateway.readFile(file.path, ref);
    if (text !== null && isPostmortemOf({
      path: file.path,
      text,
      incident: input.incident.number,
      repo: input.repository
    }))
      return file;
  }
  return null;
}
async function requestReview(input) {
  const { gateway, log } = input;
  const people = [];
  for (const login of new Set(input.logins)) {
    if (/\[bot\]$/.test(login)) continue;
    if (await gateway.isAssignable(login)) people.push(login);
    else log.info(`@${login} cannot be asked to review here (not a collaborator); skipped.`);
  }
  const teams = [];
  for (const { org, team } of input.teams) {
    if (org.toLowerCase() === input.org.toLowerCase()) teams.push(team);
    else
      log.info(
        `@${org}/${team} cannot be asked to review here (only teams of ${input.org} can); skipped.`
      );
  }
  const attempts = teams.length > 0 && people.length > 0 ? [teams, []] : [teams];
  for (const asTeams of attempts) {
    if (people.length === 0 && asTeams.length === 0) return;
    try {
      return await gateway.requestReviewers(input.pull, people, asTeams);
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      log.warn(
        `Could not request reviews from ${[...people, ...asTeams.map((t) => `${input.org}/${t}`)].join(", ")}: ${errorMessage(error)}`
      );
    }
  }
}
function linkComment(number, kind, url, created) {
  return [
    linkMarker(number),
    created ? `\u{1F4DD} A draft postmortem for this incident is open: ${url}` : `\u{1F4DD} This incident already has a postmortem ${kind}: ${url}`,
    "",
    "Fill it in while the details are fresh. The timeline, severity and owner were prefilled from this issue."
  ].join("\n");
}

// src/app/remind-reviews-handler.ts
async function remindReviewsOnEvent(input) {
  const { context, log } = input;
  const gateway = createGateway(context.octokit, context.repo());
  const templates = await input.templates();
  const loaded = await loadRepoConfig({
    probotConfig: () => context.config("postmortem.yml"),
    gateway,
    knownTemplates: [...templates.keys()]
  });
  if (loaded.errors.length > 0) return;
  const scope = input.scope(loaded.config);
  if (!scope) return;
  await remindReviews({
    gateway,
    config: loaded.config,
    defaultBranch: input.defaultBranch,
    today: input.today,
    log,
    scope
  });
}

// src/app/app.ts
function hindsightApp(deps) {
  const withLock = createKeyedLock();
  const etags = /* @__PURE__ */ new Map();
  const memories = /* @__PURE__ */ new Map();
  const today = () => (deps.now?.() ?? /* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  let identity = null;
  const selfOf = (app, octokit, repo) => {
    identity ??= whoIsTheApp(app, octokit, repo).catch((error) => {
      identity = null;
      throw error;
    });
    return identity;
  };
  const sync = async (context, repo, defaultBranch, paths, self) => {
    const gateway = createGateway(context.octokit, repo, { etags, self });
    await withLock(`${repo.owner}/${repo.repo} sync`, async () => {
      const templates = await deps.templates();
      const loaded = await loadRepoConfig({
        probotConfig: () => context.config("postmortem.yml"),
        gateway,
        knownTemplates: [...templates.keys()]
      });
      if (loaded.errors.length > 0)
        return context.log.warn(
          `Not syncing action items: ${loaded.errors.map(formatConfigError).join("; ")}`
        );
      const selected = paths(loaded.config);
      if (selected.length === 0) return;
      const source = `${repo.owner}/${repo.repo}`;
      const target = loaded.config.actionItems.repository;
      const elsewhere = target !== null && target.toLowerCase() !== source.toLowerCase();
      const [targetOwner, targetRepo] = (elsewhere ? target : source).split("/");
      const issueGateway = elsewhere ? createGateway(
        context.octokit,
        { owner: targetOwner, repo: targetRepo },
        { etags, self }
      ) : gateway;
      const key = (elsewhere ? `${source}->${target}` : source).toLowerCase();
      if (!memories.has(key)) memories.set(key, { issues: /* @__PURE__ */ new Map(), since: null });
      const result = await syncActionItems({
        gateway,
        issueGateway,
        home: elsewhere ? { source, target } : null,
        config: loaded.config,
        paths: selected,
        defaultBranch: defaultBranch ?? await gateway.getDefaultBranch(),
        repoUrl: `https://github.com/${source}`,
        today: today(),
        log: context.log,
        memory: memories.get(key)
      });
      context.log.info(
        `Synced ${selected.join(", ")}: ${result.created} created, ${result.updated} updated, ${result.reminded} reminded, ${result.written.length} written back`
      );
    });
  };
  return (app) => {
    app.on("issues.labeled", async (context) => {
      const { payload } = context;
      const repo = context.repo();
      const self = await selfOf(app, context.octokit, repo);
      const gateway = createGateway(context.octokit, repo, { self });
      const log = loggerOf(context.log);
      const issue = payload.issue;
      await withLock(`${repo.owner}/${repo.repo}#${issue.number}`, async () => {
        const templates = await deps.templates();
        const loaded = await loadRepoConfig({
          probotConfig: () => context.config("postmortem.yml"),
          gateway,
          knownTemplates: [...templates.keys()]
        });
        const incidentLabel = loaded.errors.length > 0 ? "incident" : loaded.config.labels.incident;
        if (payload.label?.name.toLowerCase() !== incidentLabel.toLowerCase()) return;
        if (loaded.errors.length > 0) {
          await reportConfigError(
            gateway,
            issue.number,
            loaded.errors.map(formatConfigError),
            self
          );
          return;
        }
        const result = await openPostmortem({
          gateway,
          config: loaded.config,
          templates,
          defaultBranch: payload.repository.default_branch,
          incident: {
            number: issue.number,
            title: issue.title ?? "",
            url: issue.html_url,
            createdAt: issue.created_at,
            labels: (issue.labels ?? []).map(
              (label) => typeof label === "string" ? label : label.name
            ),
            assignees: (issue.assignees ?? []).map((user) => user?.login).filter((login) => Boolean(login)),
            labeledBy: payload.sender.login
          },
          repository: payload.repository.full_name,
          self,
          log
        });
        log.info(
          `${result.created ? "Opened" : "Linked"} postmortem ${result.kind}${result.number === null ? "" : ` #${result.number}`} for incident #${issue.number}: ${result.url}`
        );
      });
    });
    app.on("push", async (context) => {
      const { payload } = context;
      const defaultBranch = payload.repository.default_branch ?? payload.repository.master_branch ?? "main";
      if (payload.ref !== `refs/heads/${defaultBranch}` || payload.deleted) return;
      const touched = /* @__PURE__ */ new Set();
      for (const commit of payload.commits ?? [])
        for (const file of [...commit.added ?? [], ...commit.modified ?? []]) touched.add(file);
      await sync(
        { octokit: context.octokit, log: loggerOf(context.log), config: (f) => context.config(f) },
        context.repo(),
        defaultBranch,
        (config) => [...touched].filter(
          (file) => file.startsWith(`${config.directory.replace(/\/+$/, "")}/`) && file.endsWith(".md")
        ).sort(),
        await selfOf(app, context.octokit, context.repo())
      );
      await remindReviewsOnEvent({
        context,
        log: loggerOf(context.log),
        templates: deps.templates,
        defaultBranch,
        today: today(),
        scope: () => ({ pulls: "open", issues: false, defaultBranch: [...touched].sort() })
      });
    });
    app.on(
      [
        "pull_request.opened",
        "pull_request.reopened",
        "pull_request.synchronize",
        "pull_request.edited",
        "pull_request.labeled",
        "pull_request.ready_for_review"
      ],
      async (context) => {
        const pull = context.payload.pull_request;
        await remindReviewsOnEvent({
          context,
          log: loggerOf(context.log),
          templates: deps.templates,
          defaultBranch: context.payload.repository.default_branch,
          today: today(),
          scope: (config) => pull.labels.some((l) => l.name.toLowerCase() === config.labels.postmortem.toLowerCase()) ? {
            pulls: [{ number: pull.number, headSha: pull.head.sha }],
            issues: false,
            defaultBranch: []
          } : null
        });
      }
    );
    app.on(
      ["issues.closed", "issues.reopened", "issues.edited", "issues.assigned", "issues.unassigned"],
      async (context) => {
        const self = await selfOf(app, context.octokit, context.repo());
        if (!writtenBy(context.payload.issue.user?.login, self)) return;
        const marker = markerOf(context.payload.issue.body ?? "");
        if (!marker) return;
        const [owner, repo] = (marker.repo ?? `${context.repo().owner}/${context.repo().repo}`).split("/");
        const here = !marker.repo;
        const configOf = here ? (f) => context.config(f) : (f) => context.octokit.config.get({ owner, repo, path: `.github/${f}` }).then((r) => r.config);
        await sync(
          { octokit: context.octokit, log: loggerOf(context.log), config: configOf },
          { owner, repo },
          here ? context.payload.repository.default_branch : null,
          () => [marker.path],
          self
        );
      }
    );
    app.on("issues.closed", async (context) => {
      const { payload } = context;
      const repo = context.repo();
      const gateway = createGateway(context.octokit, repo);
      const issue = payload.issue;
      await withLock(`${repo.owner}/${repo.repo}#${issue.number}`, async () => {
        const templates = await deps.templates();
        const loaded = await loadRepoConfig({
          probotConfig: () => context.config("postmortem.yml"),
          gateway,
          knownTemplates: [...templates.keys()]
        });
        if (loaded.errors.length > 0) return;
        const labels = (issue.labels ?? []).map(
          (label) => (typeof label === "string" ? label : label.name).toLowerCase()
        );
        if (!labels.includes(loaded.config.labels.incident.toLowerCase())) return;
        const closedAt = issue.closed_at ?? (/* @__PURE__ */ new Date()).toISOString();
        const result = await fillResolved({
          gateway,
          config: loaded.config,
          incident: issue.number,
          closedAt: closedAt.replace(/\.\d{3}Z$/, "Z"),
          log: loggerOf(context.log)
        });
        context.log.info(`resolved_at for incident #${issue.number}: ${result}`);
      });
    });
  };
}
async function whoIsTheApp(app, octokit, repo) {
  try {
    const jwt = await app.auth();
    const { data } = await jwt.request("GET /app");
    if (typeof data?.slug === "string") return { login: `${data.slug}[bot]` };
  } catch {
  }
  return createGateway(octokit, repo).whoAmI();
}
async function reportConfigError(gateway, issue, errors, self) {
  const body = [
    CONFIG_ERROR_MARKER,
    "Hindsight could not open a postmortem for this incident because `.github/postmortem.yml` is not valid:",
    "",
    ...errors.map((error) => `- \`${defuseMarkers(error.replace(/`/g, "'"))}\``),
    "",
    "Fix the file, then remove and re-apply the incident label."
  ].join("\n");
  const existing = await gateway.findComment(
    issue,
    (comment) => writtenBy(comment.author, self) && startsWithMarker(comment.body, CONFIG_ERROR_MARKER)
  );
  if (!existing) await gateway.createComment(issue, body);
  else if (existing.body !== body) await gateway.updateComment(existing.id, body);
}
function loggerOf(log) {
  return { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) };
}

export {
  hindsightApp
};
