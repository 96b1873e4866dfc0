import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createGateway,
  errorMessage,
  httpStatus,
  syncActionItems
} from "./chunk-7SQQWQYT.js";
import {
  INCIDENT_MARKER,
  applyEdits,
  formatConfigError,
  isPostmortemOf,
  loadConfig,
  markerOf,
  parsePostmortem,
  planPostmortem,
  postmortemCandidates,
  setFieldEdit,
  validateConfig
} from "./chunk-QCO3RIMU.js";
import {
  renderTemplate
} from "./chunk-F42AUMMB.js";

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
var LINK_MARKER = (number) => `<!-- hindsight:postmortem-link ${number} -->`;
async function openPostmortem(input) {
  const { gateway, config, incident, log } = input;
  const events = await gateway.listTimeline(incident.number);
  const comments = events.filter((e) => e.event === "commented" && e.body !== null).map((e) => ({
    login: e.actor ?? "ghost",
    body: e.body,
    createdAt: e.createdAt ?? incident.createdAt,
    url: e.url ?? incident.url
  }));
  const facts = {
    ...incident,
    events,
    comments: comments.filter((c) => !c.body.includes("<!-- hindsight:"))
  };
  const plan = planPostmortem(facts, config);
  const template = input.templates.get(config.template);
  if (!template) throw new Error(`Template "${config.template}" does not exist.`);
  const text = renderTemplate(template, plan.values);
  const linked = comments.some((comment) => comment.body.includes(LINK_MARKER(incident.number)));
  if (config.open.as === "issue") {
    const marker = INCIDENT_MARKER(incident.number);
    const existing = (await gateway.listIssuesByLabel(config.labels.postmortem)).find(
      (issue2) => issue2.body.includes(marker)
    );
    const issue = existing ?? await gateway.createIssue({
      title: plan.pullTitle,
      body: `Refs #${incident.number}

${text}

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
  let pull = head ? await gateway.findOpenPull(plan.branch) : null;
  let created = false;
  if (!pull) {
    const landed = await findLanded(input, base);
    if (landed) {
      if (!linked)
        await gateway.createComment(
          incident.number,
          linkComment(incident.number, "file", landed.url, false)
        );
      return { kind: "file", number: null, url: landed.url, created: false, path: landed.path };
    }
    if (!head) {
      const baseSha = await gateway.branchSha(base);
      if (!baseSha) throw new Error(`The default branch ${base} has no commits to branch from.`);
      await gateway.createBranch(plan.branch, baseSha);
    }
    if (!(head && await gateway.getFile(plan.path, plan.branch))) {
      try {
        await gateway.putFile({
          path: plan.path,
          branch: plan.branch,
          text,
          message: `Draft postmortem for #${incident.number}`
        });
      } catch (error) {
        if (httpStatus(error) !== 422 && httpStatus(error) !== 409) throw error;
        log.info(`${plan.path} appeared on ${plan.branch} while writing it; keeping that version.`);
      }
    }
    const opened = await gateway.openPullRequest({
      title: plan.pullTitle,
      head: plan.branch,
      base,
      body: plan.pullBody,
      draft: true
    });
    pull = { number: opened.number, url: opened.url, body: "" };
    created = opened.created;
    if (created) {
      await gateway.addLabels(opened.number, [config.labels.postmortem]);
      await requestReview({
        gateway,
        pull: opened.number,
        logins: plan.reviewers,
        teams: plan.teams,
        org: input.repository.split("/")[0],
        log
      });
    }
  }
  if (!linked)
    await gateway.createComment(
      incident.number,
      linkComment(incident.number, "pull request", pull.url, created)
    );
  return { kind: "pull-request", number: pull.number, url: pull.url, created, path: plan.path };
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
    LINK_MARKER(number),
    created ? `\u{1F4DD} A draft postmortem for this incident is open: ${url}` : `\u{1F4DD} This incident already has a postmortem ${kind}: ${url}`,
    "",
    "Fill it in while the details are fresh. The timeline, severity and owner were prefilled from this issue."
  ].join("\n");
}

// src/app/app.ts
var CONFIG_ERROR_MARKER = "<!-- hindsight:config-error -->";
function hindsightApp(deps) {
  const withLock = createKeyedLock();
  const etags = /* @__PURE__ */ new Map();
  const memories = /* @__PURE__ */ new Map();
  const today = () => (deps.now?.() ?? /* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const sync = async (context, repo, defaultBranch, paths) => {
    const gateway = createGateway(context.octokit, repo, { etags });
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
        { etags }
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
      const gateway = createGateway(context.octokit, repo);
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
          await reportConfigError(gateway, issue.number, loaded.errors.map(formatConfigError));
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
        ).sort()
      );
    });
    app.on(
      ["issues.closed", "issues.reopened", "issues.edited", "issues.assigned", "issues.unassigned"],
      async (context) => {
        const marker = markerOf(context.payload.issue.body ?? "");
        if (!marker) return;
        const [owner, repo] = (marker.repo ?? `${context.repo().owner}/${context.repo().repo}`).split("/");
        const here = !marker.repo;
        const configOf = here ? (f) => context.config(f) : (f) => context.octokit.config.get({ owner, repo, path: `.github/${f}` }).then((r) => r.config);
        await sync(
          { octokit: context.octokit, log: loggerOf(context.log), config: configOf },
          { owner, repo },
          here ? context.payload.repository.default_branch : null,
          () => [marker.path]
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
async function reportConfigError(gateway, issue, errors) {
  const body = [
    CONFIG_ERROR_MARKER,
    "Hindsight could not open a postmortem for this incident because `.github/postmortem.yml` is not valid:",
    "",
    ...errors.map((error) => `- \`${error.replace(/`/g, "'")}\``),
    "",
    "Fix the file, then remove and re-apply the incident label."
  ].join("\n");
  const existing = await gateway.findComment(issue, CONFIG_ERROR_MARKER);
  if (!existing) await gateway.createComment(issue, body);
  else if (existing.body !== body) await gateway.updateComment(existing.id, body);
}
function loggerOf(log) {
  return { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) };
}

export {
  hindsightApp
};
