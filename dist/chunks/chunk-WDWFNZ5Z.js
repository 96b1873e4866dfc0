import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createGateway,
  describeFailure,
  httpStatus,
  isBranchProtected,
  listActionItemIssues,
  readRepoConfigAt,
  remindReviews,
  syncActionItems
} from "./chunk-VWCHJEQG.js";
import {
  external_exports,
  isFinished,
  isPostmortemPath,
  issueItem,
  parsePostmortem,
  postmortemFolder,
  reviewDueDate,
  validDate,
  writtenBy
} from "./chunk-K5AHS4EK.js";

// src/flows/sync-repository.ts
import { createHash } from "node:crypto";

// src/core/sync-state.ts
var SYNC_STATE_VERSION = 1;
var day = external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/);
var TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
var instant = external_exports.string().regex(TIMESTAMP);
var syncStateSchema = external_exports.object({
  version: external_exports.literal(SYNC_STATE_VERSION),
  fingerprint: external_exports.string(),
  head: external_exports.string().regex(/^[0-9a-f]{40}$/),
  since: instant.nullable(),
  seen: external_exports.record(external_exports.string().regex(/^\d+$/), instant),
  postmortems: external_exports.record(
    external_exports.string(),
    external_exports.object({ issues: external_exports.array(external_exports.number().int().positive()), wake: day.nullable() })
  ),
  retry: external_exports.array(external_exports.string())
});
function parseSyncState(text, fingerprint, latest) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: "it is not JSON" };
  }
  const parsed = syncStateSchema.safeParse(data);
  if (!parsed.success) return { problem: `it is not sync state version ${SYNC_STATE_VERSION}` };
  if (parsed.data.fingerprint !== fingerprint)
    return {
      problem: "the config (or where action items live) changed since it was written, or the default branch or repository was renamed"
    };
  if (parsed.data.since !== null && !(parsed.data.since <= latest))
    return { problem: `its since, ${JSON.stringify(parsed.data.since)}, is in the future` };
  return { state: parsed.data };
}
function serializeSyncState(state) {
  const { postmortems, ...rest } = state;
  const head = JSON.stringify(
    {
      about: "Hindsight scheduled sync: what the last run saw. Delete to read everything.",
      ...rest
    },
    null,
    1
  ).slice(0, -2);
  const entries = Object.keys(postmortems).sort().map((path) => `  ${JSON.stringify(path)}: ${JSON.stringify(postmortems[path])}`);
  return `${head},
 "postmortems": {${entries.length > 0 ? `
${entries.join(",\n")}
 ` : ""}}
}
`;
}
function nextWake(input) {
  const postmortem = parsePostmortem(input.path, input.text);
  const open = /* @__PURE__ */ new Set();
  for (const issue of input.issues ?? []) {
    const item = issueItem(issue, input.home ?? null);
    if (item?.path === input.path && issue.state === "open") open.add(item.id);
  }
  const dates = [];
  for (const item of postmortem.actionItems)
    if (item.due && validDate(item.due) && (!isFinished(item.status) || item.id !== null && open.has(item.id)))
      dates.push(item.due);
  const { data } = postmortem.frontMatter;
  if (data.status === "draft") {
    const written = typeof data.due === "string" && validDate(data.due) ? data.due : null;
    const date = typeof data.date === "string" && validDate(data.date) ? data.date : null;
    const due = written ?? (date ? reviewDueDate(date, input.reviewDueBusinessDays) : null);
    if (due) dates.push(due);
  }
  const pending = dates.filter((d) => d >= input.today).sort();
  return pending[0] ?? null;
}
function issuePostmortem(issue, home) {
  return issueItem(issue, home)?.path ?? null;
}
function planIncrementalSync(input) {
  const { state } = input;
  const paths = new Set(input.state.retry.filter(input.isPostmortem));
  const removed = [];
  for (const file of input.changed) {
    if (!input.isPostmortem(file.path)) continue;
    if (file.status === "removed") removed.push(file.path);
    else paths.add(file.path);
  }
  const fresh = input.updated.filter((issue) => state.seen[issue.number] !== issue.updatedAt);
  for (const issue of fresh) {
    const path = issuePostmortem(issue, input.home);
    if (path && input.isPostmortem(path)) paths.add(path);
  }
  for (const [path, facts] of Object.entries(state.postmortems))
    if (facts.wake !== null && facts.wake < input.today && input.isPostmortem(path))
      paths.add(path);
  for (const path of removed) paths.delete(path);
  return { paths: [...paths].sort(), removed, fresh };
}
function advanceSince(previous, issues, settled) {
  let since = previous.since;
  for (const issue of issues)
    if (issue.updatedAt && (since === null || issue.updatedAt > since)) since = issue.updatedAt;
  const seen = {};
  for (const [number, at] of Object.entries(previous.seen)) if (at === since) seen[number] = at;
  for (const issue of issues)
    if (issue.updatedAt && issue.updatedAt === since && issue.updatedAt < settled)
      seen[issue.number] = issue.updatedAt;
  return { since, seen };
}
function claimOf(text) {
  if (!text) return null;
  try {
    const at = JSON.parse(text)?.claimed?.at;
    return typeof at === "string" && TIMESTAMP.test(at) ? at : null;
  } catch {
    return null;
  }
}

// src/flows/sync-state-store.ts
var STATE_BRANCH = "hindsight/sync-state";
var STATE_FILE = ".hindsight/sync-state.json";
async function loadSyncState(gateway, fingerprint, log, clock) {
  const file = await gateway.getFile(STATE_FILE, STATE_BRANCH);
  if (!file) return { state: null, file: null };
  const parsed = parseSyncState(file.text, fingerprint, clock.latest);
  if ("problem" in parsed) {
    log.info(
      `Reading every postmortem: ${STATE_FILE} on ${STATE_BRANCH} cannot be used (${parsed.problem}).`
    );
    return { state: null, file };
  }
  return { state: parsed.state, file };
}
async function saveSyncState(gateway, stored, state, log) {
  const text = serializeSyncState(state);
  if (stored.file?.text === text) return "unchanged";
  try {
    await writeStateFile({
      gateway,
      stored,
      head: state.head,
      text,
      message: "Hindsight: what the scheduled sync saw [skip ci]"
    });
    return "written";
  } catch (error) {
    if (wroteSince(error)) {
      log.info(
        `Not saving the sync state: another sync run wrote ${STATE_FILE} on ${STATE_BRANCH} during this one; this run's postmortems are read again next time.`
      );
      return "superseded";
    }
    log.warn(
      `Could not save the sync state (${STATE_FILE} on branch ${STATE_BRANCH}): ${describeFailure(error)}. The next run reads every postmortem again. A ruleset that restricts creating or updating branches must let the sync's token write ${STATE_BRANCH}.`
    );
    return "failed";
  }
}
function wroteSince(error) {
  const status = httpStatus(error);
  return (status === 409 || status === 422) && !isBranchProtected(error);
}
async function writeStateFile(input) {
  const { gateway, stored } = input;
  if (!stored.file) await gateway.createBranch(STATE_BRANCH, input.head);
  const written = await gateway.putFile({
    path: STATE_FILE,
    branch: STATE_BRANCH,
    text: input.text,
    message: input.message,
    ...stored.file ? { sha: stored.file.sha } : {}
  });
  stored.file = { text: input.text, sha: written.blob };
}
var CLAIM_MS = 15 * 60 * 1e3;
function creationFence(input) {
  const { gateway, stored, log } = input;
  let claimed = null;
  let verdict = null;
  const other = claimOf(stored.file?.text);
  const claimedByOther = () => {
    const age = other === null ? Number.NaN : input.now().getTime() - Date.parse(other);
    return age > -CLAIM_MS && age < CLAIM_MS;
  };
  const yields = () => verdict === "refused" || claimed === null && claimedByOther();
  const mayCreate = async () => {
    if (verdict) return verdict === "unfenced";
    const now = input.now().getTime();
    if (claimed !== null && now - claimed < CLAIM_MS / 3) return true;
    if (claimed === null && claimedByOther()) {
      log.info(
        `Another sync run claimed ${STATE_FILE} on ${STATE_BRANCH} at ${other} to create issues: this run creates no issues (the next one does).`
      );
      verdict = "refused";
      return false;
    }
    const at = new Date(now).toISOString();
    const text = `${JSON.stringify({ ...stored.state ?? {}, claimed: { at, by: "hindsight sync" } }, null, 1)}
`;
    try {
      await writeStateFile({
        gateway,
        stored,
        head: input.head,
        text,
        message: "Hindsight: a sync run is creating issues [skip ci]"
      });
      claimed = now;
      return true;
    } catch (error) {
      if (wroteSince(error)) {
        log.info(
          `Another sync run wrote ${STATE_FILE} on ${STATE_BRANCH} during this one: this run creates no issues (the next one does).`
        );
        verdict = "refused";
        return false;
      }
      if (httpStatus(error) !== 403 && !isBranchProtected(error)) {
        log.warn(
          `Could not claim ${STATE_FILE} on branch ${STATE_BRANCH} before creating issues (${describeFailure(error)}): this run creates no issues (the next one does).`
        );
        verdict = "deferred";
        return false;
      }
      log.warn(
        `Could not claim ${STATE_FILE} on branch ${STATE_BRANCH} before creating issues (${describeFailure(error)}): creating them without the fence that keeps two runs at once from both creating an issue. Run one sync at a time (a workflow concurrency group).`
      );
      verdict = "unfenced";
      return true;
    }
  };
  return { mayCreate, yields };
}

// src/flows/sync-scope.ts
async function fullScope(input) {
  const paths = input.head ? (await input.gateway.listMarkdown(input.folder, input.defaultBranch)).map((file) => file.path).sort() : [];
  const listed = input.tracking && paths.length > 0 ? await listActionItemIssues(input.issueGateway, input.label, input.home) : [];
  return { paths, issues: input.tracking ? listed : void 0, listed, previous: null };
}
async function incrementalScope(input) {
  const { gateway, previous, defaultBranch } = input;
  const changed = previous.head === input.head ? [] : await gateway.changesSince(previous.head, input.head);
  if (changed === null) {
    input.log.info(
      `${defaultBranch} no longer holds ${previous.head.slice(0, 7)}, the commit the last sync read (its history was rewritten): reading every postmortem.`
    );
    return null;
  }
  const updated = input.tracking ? await listActionItemIssues(
    input.issueGateway,
    input.label,
    input.home,
    previous.since ?? void 0
  ) : [];
  const plan = planIncrementalSync({
    state: previous,
    today: input.today,
    changed,
    updated,
    home: input.home,
    isPostmortem: input.isPostmortem
  });
  const known = input.tracking ? await issuesOf(input.issueGateway, input.label, input.home, previous, plan.paths, updated) : null;
  input.log.info(
    `Reading ${plural(plan.paths.length, "postmortem")} changed since the last sync (${changed.length} file(s) changed on ${defaultBranch}, ${plural(plan.fresh.length, "issue")} updated; the rest as it was, kept on ${STATE_BRANCH}).`
  );
  return {
    paths: plan.paths,
    issues: known?.issues,
    listed: known?.listed ?? updated,
    previous: { ...previous, postmortems: forget(previous.postmortems, plan.removed) }
  };
}
async function issuesOf(gateway, label, home, previous, paths, updated) {
  const have = new Set(updated.map((issue) => issue.number));
  const wanted = [
    ...new Set(paths.flatMap((path) => previous.postmortems[path]?.issues ?? []))
  ].filter((number) => !have.has(number));
  const all = Object.values(previous.postmortems).reduce((n, p) => n + p.issues.length, 0);
  if (wanted.length > Math.ceil(all / 100) + 1) {
    const listed = await listActionItemIssues(gateway, label, home);
    return { issues: listed, listed };
  }
  const issues = [...updated];
  if (wanted.length === 0) return { issues, listed: updated };
  const self = await gateway.whoAmI();
  const labelled = (issue) => issue.labels.some((name) => name.toLowerCase() === label.toLowerCase());
  for (const number of wanted) {
    const issue = await gateway.getIssue(number);
    if (issue && writtenBy(issue.author, self) && labelled(issue)) issues.push(issue);
  }
  return { issues, listed: updated };
}
async function postmortemFacts(input) {
  const out = { ...input.previous };
  const byPath = /* @__PURE__ */ new Map();
  for (const issue of input.issues) {
    const path = issuePostmortem(issue, input.home);
    if (path !== null) byPath.set(path, [...byPath.get(path) ?? [], issue]);
  }
  for (const path of input.paths) {
    if (input.failed.has(path)) continue;
    const file = await input.read(path);
    const known = byPath.get(path) ?? [];
    const issues = [...new Set(known.map((issue) => issue.number))].sort((a, b) => a - b);
    const wake = file ? nextWake({
      path,
      text: file.text,
      today: input.today,
      reviewDueBusinessDays: input.reviewDueBusinessDays,
      issues: known,
      home: input.home
    }) : null;
    if (!file || issues.length === 0 && wake === null) delete out[path];
    else out[path] = { issues, wake };
  }
  return out;
}
function forget(postmortems, removed) {
  const out = { ...postmortems };
  for (const path of removed) delete out[path];
  return out;
}
var plural = (n, word) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

// src/flows/sync-repository.ts
var SETTLE_MS = 5 * 60 * 1e3;
async function syncRepository(input) {
  const { gateway, log } = input;
  const { defaultBranch, htmlUrl: repoUrl } = await gateway.repository();
  const config = await readRepoConfigAt({
    gateway,
    ref: defaultBranch,
    knownTemplates: input.knownTemplates
  });
  const folder = postmortemFolder(config);
  const isPostmortem = (path) => isPostmortemPath(config, path) && path.endsWith(".md") && !path.slice(folder.length + 1).includes("/");
  const target = config.actionItems.repository;
  const elsewhere = target !== null && target.toLowerCase() !== input.repo.toLowerCase();
  const issueGateway = elsewhere ? input.gatewayFor(target) : gateway;
  const home = elsewhere ? { source: input.repo, target } : null;
  const tracking = config.actionItems.createIssues;
  const label = config.labels.actionItem;
  const writeBackTo = config.actionItems.writeBack === "pull-request" ? "the sync pull request (branch hindsight/action-item-sync)" : `a commit to ${defaultBranch}`;
  const files = /* @__PURE__ */ new Map();
  const read = (path) => {
    let file = files.get(path);
    if (!file) {
      file = gateway.getFile(path, defaultBranch);
      files.set(path, file);
      file.catch(() => files.delete(path));
    }
    return file;
  };
  const head = await gateway.branchSha(defaultBranch);
  const fingerprint = createHash("sha256").update(
    JSON.stringify({
      version: SYNC_STATE_VERSION,
      repo: input.repo.toLowerCase(),
      config,
      defaultBranch,
      repoUrl
    })
  ).digest("hex");
  const stored = head ? await loadSyncState(gateway, fingerprint, log, {
    latest: new Date(input.now.getTime() + SETTLE_MS).toISOString()
  }) : { state: null, file: null };
  const scope = (stored.state && head ? await incrementalScope({
    gateway,
    issueGateway,
    label,
    home,
    tracking,
    previous: stored.state,
    head,
    defaultBranch,
    today: input.today,
    isPostmortem,
    log
  }) : null) ?? await fullScope({
    gateway,
    issueGateway,
    label,
    home,
    tracking,
    head,
    folder,
    defaultBranch
  });
  const started = Date.now();
  const clock = input.clock ?? (() => new Date(input.now.getTime() + (Date.now() - started)));
  const fence = head && !input.dryRun ? creationFence({
    gateway,
    stored,
    head,
    now: clock,
    log
  }) : void 0;
  const synced = await syncActionItems({
    ...fence ? { mayCreate: fence.mayCreate } : {},
    gateway,
    issueGateway,
    home,
    config,
    paths: scope.paths,
    ...scope.issues ? { issues: scope.issues } : {},
    read,
    defaultBranch,
    repoUrl,
    today: input.today,
    log,
    dryRun: input.dryRun
  });
  const reminded = await remindReviews({
    gateway,
    config,
    defaultBranch,
    today: input.today,
    log,
    scope: { pulls: "open", issues: true, defaultBranch: scope.paths },
    read: async (path) => (await read(path))?.text ?? null,
    dryRun: input.dryRun
  });
  if (head && !input.dryRun) {
    const settled = new Date(input.now.getTime() - SETTLE_MS).toISOString();
    const state = {
      version: SYNC_STATE_VERSION,
      fingerprint,
      head,
      ...tracking ? advanceSince(scope.previous ?? { since: null, seen: {} }, scope.listed, settled) : { since: null, seen: {} },
      postmortems: await postmortemFacts({
        paths: scope.paths,
        previous: scope.previous?.postmortems ?? {},
        // Those that failed, or whose new issues wait for the next run, keep what was known.
        failed: /* @__PURE__ */ new Set([...synced.failedPaths, ...synced.deferredPaths]),
        issues: scope.issues ?? [],
        home,
        read,
        today: input.today,
        reviewDueBusinessDays: config.reviewDueBusinessDays
      }),
      retry: [...synced.failedPaths, ...synced.deferredPaths]
    };
    if (fence?.yields())
      log.info(
        `Not saving the sync state: another run claimed ${STATE_BRANCH} and saves it; this run's postmortems are read again next time.`
      );
    else await saveSyncState(gateway, stored, state, log);
  }
  const read_ = {
    postmortems: scope.paths.length,
    of: scope.previous ? "changed" : "all"
  };
  if (!input.dryRun)
    return { ...synced, reviewsReminded: reminded.reminded, writeBackTo, read: read_ };
  const plan = [...synced.plan, ...reminded.planned];
  return {
    ...synced,
    reviewsReminded: reminded.planned.length,
    plan,
    writeBackTo,
    read: read_
  };
}

// src/flows/run-sync.ts
async function runSync(input) {
  const gatewayFor = (fullName) => {
    const [owner = "", repo = ""] = fullName.split("/");
    return createGateway(input.octokit, { owner, repo });
  };
  const result = await syncRepository({ ...input, gateway: gatewayFor(input.repo), gatewayFor });
  const counts = `${plural2(result.created, "issue")} ${input.dryRun ? "to create" : "created"}, ${result.updated} ${input.dryRun ? "to update" : "updated"}, ${plural2(result.reminded, "reminder")}, ${plural2(result.written.length, "report")} ${input.dryRun ? "to write back" : "written back"} (${result.writeBackTo}); ${plural2(result.reviewsReminded, "review reminder")}`;
  const read = result.read.of === "all" ? `read every postmortem (${result.read.postmortems})` : `read ${plural2(result.read.postmortems, "postmortem")} changed since the last sync`;
  const summary = input.dryRun ? `Dry run: ${counts}; ${read}; nothing was written.` : `Action items: ${counts}; ${read}.`;
  return {
    result,
    plan: result.plan.map((line) => `would ${line}`),
    skipped: result.skipped.map((line) => `skipped ${line}`),
    summary,
    /** Postmortems that could not be synced (each on its own: the others were). */
    failed: result.failed.length === 0 ? [] : [
      `${plural2(result.failed.length, "postmortem")} could not be synced (the others were):`,
      ...result.failed.map((line) => `  ${line}`)
    ]
  };
}
var plural2 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export {
  runSync
};
