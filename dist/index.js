import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defaultIndexFile,
  generateIndex,
  isIndexed
} from "./chunks/chunk-GTQJNIYT.js";
import {
  runSync
} from "./chunks/chunk-WDWFNZ5Z.js";
import {
  upsertMarkedComment
} from "./chunks/chunk-OH4BD3DP.js";
import {
  createGateway,
  describeFailure,
  httpStatus,
  readRepoConfigAt
} from "./chunks/chunk-VWCHJEQG.js";
import {
  CONFIG_PATH,
  LIMITS,
  VALIDATION_MARKER,
  formatConfigError,
  formatMinutes,
  isPostmortemPath,
  lintPostmortem,
  loadConfig,
  missingApprovals,
  parsePostmortem,
  postmortemFolder
} from "./chunks/chunk-K5AHS4EK.js";
import {
  SECTION_NAMES,
  defuseMentions,
  loadTemplates,
  oneLine,
  parseTemplate
} from "./chunks/chunk-HSOKINQF.js";
import {
  actionOctokit
} from "./chunks/chunk-SHPUXNVC.js";
import "./chunks/chunk-366W3JI3.js";
import "./chunks/chunk-I3IYH5EX.js";
import "./chunks/chunk-HANBNIMK.js";

// src/action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { EOL } from "node:os";
function getInput(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function getBooleanInput(name, env = process.env) {
  const value = getInput(name, env);
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new TypeError(
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}
Support boolean input list: \`true | True | TRUE | false | False | FALSE\``
  );
}
function annotate(level, message, properties = {}) {
  const pairs = [
    ["title", properties.title],
    ["file", properties.file],
    ["line", properties.startLine],
    ["endLine", properties.endLine],
    ["col", properties.startColumn],
    ["endColumn", properties.endColumn]
  ];
  const rendered = pairs.filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  process.stdout.write(`::${level}${rendered ? ` ${rendered}` : ""}::${escapeData(message)}${EOL}`);
}
function info(message) {
  process.stdout.write(`${message}${EOL}`);
}
function setOutput(name, value, env = process.env) {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(`${EOL}::set-output name=${name}::${escapeProperty(String(value))}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, "utf8");
}
function appendSummary(markdown, env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdown}${EOL}`, "utf8");
  else info(markdown);
}
function setFailed(message) {
  process.exitCode = 1;
  annotate("error", message);
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function readContext(env = process.env) {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const path = env.GITHUB_EVENT_PATH;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    payload: path && existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : {},
    repo: { owner, repo },
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com"
  };
}

// src/files/checkout.ts
import { createHash } from "node:crypto";
import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
var LARGEST = 4 * LIMITS.documentChars;
function checkoutReader(root) {
  if (!root) return void 0;
  return async (path, blobSha) => {
    try {
      const full = join(root, path);
      const stat = await lstat(full);
      if (!stat.isFile() || stat.size > LARGEST) return null;
      const bytes = await readFile(full);
      const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
      return sha === blobSha ? bytes.toString("utf8") : null;
    } catch {
      return null;
    }
  };
}

// src/flows/update-index.ts
var INDEX_BRANCH = "hindsight/index";
async function updateIndex(input) {
  const { gateway, log: log2 } = input;
  const defaultBranch = await gateway.getDefaultBranch();
  const config = await readRepoConfigAt({
    gateway,
    ref: defaultBranch,
    knownTemplates: input.knownTemplates
  });
  const file = defaultIndexFile(config);
  const listed = await gateway.listMarkdown(postmortemFolder(config), defaultBranch);
  const indexed = listed.filter((entry) => isIndexed(entry.path, file));
  const paths = indexed.map((entry) => entry.path);
  const texts = await readAll(gateway, indexed, defaultBranch, input.local);
  const fromCheckout = texts.filter((text) => text?.local).length;
  if (input.local)
    log2.info(
      `${fromCheckout} of ${paths.length} postmortem(s) read from the checkout (the same git blobs as ${defaultBranch}); ${paths.length - fromCheckout} through the API.`
    );
  const files = paths.flatMap((path, n) => {
    const read = texts[n];
    return read ? [{ path, text: read.text }] : [];
  });
  const generate = (existing) => generateIndex({ files, config, today: input.today, indexFile: file, existing }).text;
  const result = (outcome, pull = null) => ({
    file,
    postmortems: files.length,
    outcome,
    pull
  });
  const current = await gateway.getFile(file, defaultBranch);
  const wanted = generate(current?.text ?? null);
  const pr = config.actionItems.writeBack === "pull-request";
  let open = pr ? await gateway.findOpenPull(INDEX_BRANCH) : null;
  if (wanted === current?.text && !open) {
    log2.info(`${file} is up to date (${files.length} postmortems).`);
    return result("unchanged");
  }
  const message = `Update the postmortem index (${files.length} postmortems)`;
  if (!pr) {
    const wrote2 = await writeConverging(gateway, {
      path: file,
      branch: defaultBranch,
      message,
      generate,
      first: current,
      log: log2
    });
    log2.info(`${file}: ${wrote2 ? "committed" : "already current"} (${files.length} postmortems).`);
    return result(wrote2 ? "committed" : "unchanged");
  }
  if (!open) {
    const base = await gateway.branchSha(defaultBranch);
    if (!base) throw new Error(`The default branch ${defaultBranch} has no commits.`);
    if (await gateway.createBranch(INDEX_BRANCH, base) === "exists")
      await gateway.moveBranch(INDEX_BRANCH, base);
  }
  const onBranch = open ? await gateway.getFile(file, INDEX_BRANCH) : current;
  const wrote = await writeConverging(gateway, {
    path: file,
    branch: INDEX_BRANCH,
    message,
    generate,
    first: onBranch,
    log: log2
  });
  if (!open)
    open = await gateway.openPullRequest({
      title: "Update the postmortem index",
      head: INDEX_BRANCH,
      base: defaultBranch,
      body: `The index and insights of ${files.length} postmortems in \`${file}\`, regenerated by Hindsight. This PR is updated in place.`,
      draft: false
    });
  log2.info(
    `${file}: ${wrote ? "updated" : "already current"} on ${INDEX_BRANCH}, PR #${open.number}.`
  );
  return result("pull-request", open.number);
}
async function writeConverging(gateway, input) {
  let file = input.first;
  for (let attempt = 1; ; attempt++) {
    const text = input.generate(file?.text ?? null);
    if (text === file?.text) return false;
    try {
      await gateway.putFile({
        path: input.path,
        branch: input.branch,
        text,
        message: input.message,
        ...file ? { sha: file.sha } : {}
      });
      return true;
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 409 && status !== 422 || attempt >= 5) throw error;
      input.log.info(
        `${input.path} changed while writing the index (HTTP ${status}); re-reading it.`
      );
      file = await gateway.getFile(input.path, input.branch);
    }
  }
}
async function readAll(gateway, entries, ref, local) {
  const out = new Array(entries.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const n = next++;
      const { path, sha } = entries[n];
      const here = local ? await local(path, sha) : null;
      if (here !== null) out[n] = { text: here, local: true };
      else {
        const text = await gateway.readFile(path, ref);
        out[n] = text === null ? null : { text, local: false };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, entries.length) }, worker));
  return out;
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/action/summary.ts
var CHECKLIST = [
  { label: "Front matter complete and well formed", rules: ["frontmatter", "filename"] },
  { label: "Every section present and filled in", rules: ["required-sections", "no-placeholders"] },
  {
    label: "Timestamps and timeline consistent, with zones",
    rules: ["timestamps-ordered", "timeline-timezone", "timeline-order"],
    section: "timeline"
  },
  { label: "Impact quantified", rules: ["impact-quantified"], section: "impact" },
  {
    label: "Root cause deep and systemic",
    rules: ["root-cause-depth", "no-human-error-root-cause"],
    section: "root-cause"
  },
  { label: "Blameless language", rules: ["blameless-language"] },
  {
    label: "Action items owned, dated, specific and tracked",
    rules: [
      "action-item-fields",
      "action-item-specific",
      "action-item-tracked",
      "action-item-overdue"
    ],
    section: "action-items"
  },
  { label: "Lessons learned", rules: ["lessons-learned"], section: "lessons-learned" },
  { label: "Review on time and approved", rules: ["review-due", "review-approved"] }
];
var SUMMARY_LIMIT = 1024 * 1024;
var COMMENT_LIMIT = 65536;
function renderSummary(results, limit, header = "## Hindsight: postmortem check") {
  const errors = count(results, "error");
  const warnings = count(results, "warn");
  const head = `${header}

${results.length} postmortem${results.length === 1 ? "" : "s"} checked: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.
`;
  const parts = [head];
  let size = head.length;
  let omitted = 0;
  for (const result of results) {
    const part = renderFile(result);
    if (size + part.length + 200 > limit) {
      omitted++;
      continue;
    }
    parts.push(part);
    size += part.length;
  }
  if (omitted > 0)
    parts.push(
      `
_${omitted} more file${omitted === 1 ? "" : "s"} left out to stay under GitHub's size limit; run \`hindsight lint\` to see all._
`
    );
  return parts.join("\n");
}
function renderFile(result) {
  const { timeToDetect, timeToMitigate, timeToResolve } = result.metrics;
  const failing = new Set(result.findings.map((finding) => finding.rule));
  const sectionFails = (key) => key !== void 0 && result.findings.some(
    (finding) => finding.rule === "required-sections" && isAbout(finding, key)
  );
  const isAbout = (finding, key) => {
    if (finding.suggestion?.replace(/^#+ /, "") === SECTION_NAMES[key]) return true;
    const section = result.postmortem.sections.find((candidate) => candidate.key === key);
    return section !== void 0 && section.empty && finding.line === section.position.line;
  };
  const lines = [
    `### \`${escapeCell(result.file)}\` \u2014 ${result.status ?? "no status"}`,
    "",
    `Time to detect **${formatMinutes(timeToDetect)}** \xB7 to mitigate **${formatMinutes(timeToMitigate)}** \xB7 to resolve **${formatMinutes(timeToResolve)}**`,
    "",
    ...CHECKLIST.map(
      ({ label, rules, section }) => `- [${rules.some((rule) => failing.has(rule)) || sectionFails(section) ? " " : "x"}] ${label}`
    ),
    ""
  ];
  if (result.findings.length > 0) {
    lines.push(
      markdownTable(
        [
          ["Line", "Level", "Rule", "Finding"],
          ...result.findings.map((finding) => [
            String(finding.line),
            finding.level === "error" ? "error" : "warning",
            `\`${finding.rule}\``,
            escapeCell(
              finding.suggestion ? `${finding.message} Suggestion: ${finding.suggestion}` : finding.message
            )
          ])
        ],
        { alignDelimiters: false }
      ),
      ""
    );
  }
  return lines.join("\n");
}
function count(results, level) {
  return results.reduce(
    (sum, result) => sum + result.findings.filter((finding) => finding.level === level).length,
    0
  );
}
function escapeCell(text) {
  return defuseMentions(
    oneLine(text).replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  );
}

// src/action/run.ts
var CONFIG_FILE = CONFIG_PATH;
var COMMENT_MARKER = VALIDATION_MARKER;
var TEMPLATE_DIR = ".github/postmortem/templates";
async function runAction(run) {
  const { inputs, gateway, reporter } = run;
  const target = targetOf(run.event);
  if (!target) {
    reporter.info(
      `Nothing to validate on a "${run.event.name}" event; Hindsight checks pull_request and push.`
    );
    return finish(run, [], 0);
  }
  const changed = target.pull !== null ? await gateway.listPullFiles(target.pull) : await gateway.listPushFiles(target.baseRef, target.head);
  const loaded = loadConfig(
    await gateway.readFile(inputs.configPath, target.configRef),
    inputs.configPath
  );
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) {
      reporter.annotate({
        file: error.file,
        line: error.line,
        column: error.column,
        endLine: error.line,
        rule: "config",
        level: "error",
        message: formatConfigError(error)
      });
    }
    reporter.fail(
      `${inputs.configPath} is not valid; fix it first:
${loaded.errors.map(formatConfigError).join("\n")}`
    );
    return { errors: loaded.errors.length, warnings: 0, files: 0 };
  }
  const paths = changed.filter((file) => file.status !== "removed" && isPostmortemPath(loaded.config, file.path)).map((file) => file.path);
  if (paths.length === 0) {
    reporter.info(`No postmortems under ${postmortemFolder(loaded.config)}/ changed.`);
    return finish(run, [], 0);
  }
  const texts = await mapLimit(paths, 8, (path) => gateway.readFile(path, target.head));
  const templates = await withRepositoryTemplates(run, loaded, texts, target.configRef);
  const results = [];
  for (const [n, path] of paths.entries()) {
    const text = texts[n];
    if (text === null || text === void 0) continue;
    const result = lintPostmortem({
      path,
      text,
      config: loaded.config,
      ruleOptions: loaded.ruleOptions,
      templates,
      now: run.now
    });
    if (target.pull !== null && result.status === "published" && !isOff(loaded.config)) {
      result.findings.push(...await approvalFindings(run, target, result, loaded.config));
    }
    results.push(result);
  }
  return finish(run, results, paths.length, target);
}
async function finish(run, results, files, target) {
  const { reporter, inputs } = run;
  const findings = results.flatMap((result) => result.findings);
  const errors = findings.filter((finding) => finding.level === "error").length;
  const warnings = findings.length - errors;
  for (const finding of findings) reporter.annotate(finding);
  for (const result of results) reporter.info(fileLine(result));
  reporter.info(
    `Checked ${files} postmortem${files === 1 ? "" : "s"}: ${plural(errors, "error")}, ${plural(warnings, "warning")}.`
  );
  if (results.length > 0) await reporter.summary(renderSummary(results, SUMMARY_LIMIT));
  reporter.output("errors", errors);
  reporter.output("warnings", warnings);
  reporter.output("files", files);
  if (target && inputs.comment && target.pull !== null) await stickyComment(run, target, results);
  if (errors > 0)
    reporter.fail(
      `${errors} error${errors === 1 ? "" : "s"} in ${results.filter((r) => r.findings.some((f) => f.level === "error")).length} postmortem(s); see the annotations and the job summary.`
    );
  else if (inputs.maxWarnings !== null && warnings > inputs.maxWarnings)
    reporter.fail(`${warnings} warnings, more than max-warnings ${inputs.maxWarnings}.`);
  return { errors, warnings, files };
}
function fileLine(result) {
  const errors = result.findings.filter((finding) => finding.level === "error").length;
  const warnings = result.findings.length - errors;
  const status = result.status ?? "no status";
  if (result.findings.length === 0) return `\u2713 ${result.file} (${status}): clean`;
  return `${errors > 0 ? "\u2717" : "!"} ${result.file} (${status}): ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function targetOf(event) {
  const { name, payload } = event;
  if ((name === "pull_request" || name === "pull_request_target") && payload.pull_request) {
    const pr = payload.pull_request;
    return {
      pull: pr.number,
      head: pr.head.sha,
      configRef: pr.base.sha,
      baseRef: pr.base.sha,
      fork: !pr.head.repo || pr.head.repo.full_name !== pr.base.repo.full_name
    };
  }
  if (name === "push" && payload.after && !payload.deleted) {
    const before = typeof payload.before === "string" && !/^0+$/.test(payload.before) ? payload.before : null;
    return {
      pull: null,
      head: payload.after,
      configRef: payload.after,
      baseRef: before,
      fork: false
    };
  }
  return null;
}
async function withRepositoryTemplates(run, loaded, texts, ref) {
  const wanted = /* @__PURE__ */ new Set([loaded.config.template]);
  for (const text of texts) {
    const match = text ? /^template:\s*["']?([\w-]+)/m.exec(text.slice(0, 4096)) : null;
    if (match) wanted.add(match[1]);
  }
  if ([...wanted].every((name) => run.builtinTemplates.has(name))) return run.builtinTemplates;
  const templates = new Map(run.builtinTemplates);
  for (const { path } of await run.gateway.listMarkdown(TEMPLATE_DIR, ref)) {
    const name = path.slice(path.lastIndexOf("/") + 1, -3);
    if (!wanted.has(name)) continue;
    const text = await run.gateway.readFile(path, ref);
    if (text !== null) templates.set(name, parseTemplate(name, text));
  }
  for (const name of wanted)
    if (!templates.has(name))
      run.reporter.warning(
        `Template "${name}" is neither built in nor in ${TEMPLATE_DIR}/ on ${ref.slice(0, 12)}; files naming it are checked against "${loaded.config.template}".`
      );
  return templates;
}
async function approvalFindings(run, target, result, config) {
  const before = target.baseRef ? await run.gateway.readFile(result.file, target.baseRef) : null;
  if (before !== null && parsePostmortem(result.file, before).frontMatter.data.status === "published")
    return [];
  const reviews = await run.gateway.listReviews(target.pull);
  const teamMembers = /* @__PURE__ */ new Map();
  const reviewers = result.postmortem.frontMatter.data.reviewers;
  for (const reviewer of Array.isArray(reviewers) ? reviewers : []) {
    const handle = String(reviewer).replace(/^@/, "");
    const [org, team] = handle.split("/");
    if (org && team && !teamMembers.has(handle.toLowerCase()))
      teamMembers.set(handle.toLowerCase(), await run.gateway.listTeamMembers(org, team));
  }
  return missingApprovals({ postmortem: result.postmortem, reviews, teamMembers }).map(
    (missing) => ({
      file: result.file,
      line: missing.position.line,
      column: missing.position.column,
      endLine: missing.position.line,
      rule: "review-approved",
      level: reviewLevel(config),
      message: `Publishing needs approval from ${missing.reviewer}: ${missing.reason}.`,
      suggestion: `Ask ${missing.reviewer} to approve this pull request.`
    })
  );
}
function isOff(config) {
  const setting = config.rules["review-approved"];
  return (Array.isArray(setting) ? setting[0] : setting) === "off";
}
function reviewLevel(config) {
  const setting = config.rules["review-approved"];
  const level = Array.isArray(setting) ? setting[0] : setting;
  return level === "warn" ? "warn" : "error";
}
async function stickyComment(run, target, results) {
  if (target.fork) {
    run.reporter.info(
      "Pull request from a fork: its token cannot comment, so the result is in the job summary only."
    );
    return;
  }
  const body = `${VALIDATION_MARKER}
${renderSummary(results, COMMENT_LIMIT - VALIDATION_MARKER.length - 1)}`;
  try {
    await upsertMarkedComment({
      gateway: run.gateway,
      issue: target.pull,
      marker: COMMENT_MARKER,
      body,
      self: await run.gateway.whoAmI()
    });
  } catch (error) {
    const status = error.status;
    if (status === 403 || status === 404)
      run.reporter.warning(
        `Could not comment on the pull request (HTTP ${status}); give the workflow \`pull-requests: write\`, or set comment: false.`
      );
    else throw error;
  }
}
async function mapLimit(items, limit, work) {
  const out = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index]);
    }
  });
  await Promise.all(workers);
  return out;
}

// src/action/main.ts
function octokitFor(token) {
  return actionOctokit({
    token,
    log: { warn: (m) => annotate("warning", m), error: (m) => annotate("error", m) }
  });
}
var log = {
  info: (m) => info(m),
  warn: (m) => annotate("warning", m),
  error: (m) => annotate("error", m)
};
async function runScheduledSync() {
  try {
    const token = requiredInput("token");
    const context = readContext();
    const repo = `${context.repo.owner}/${context.repo.repo}`;
    const templates = await loadTemplates();
    const now = /* @__PURE__ */ new Date();
    const report = await runSync({
      octokit: await octokitFor(token),
      repo,
      knownTemplates: [...templates.keys()],
      today: now.toISOString().slice(0, 10),
      now,
      log,
      dryRun: /^true$/i.test(getInput("dry-run"))
    });
    for (const line of report.plan) info(line);
    for (const line of report.skipped) annotate("notice", line);
    info(report.summary);
    setOutput("created", report.result.created);
    setOutput("written", report.result.written.length);
    if (report.failed.length > 0) setFailed(report.failed.join("\n"));
  } catch (error) {
    setFailed(describeFailure(error));
  }
}
async function runIndex() {
  try {
    const context = readContext();
    const { payload, eventName } = context;
    const defaultBranch = payload.repository?.default_branch;
    if (eventName === "push" && defaultBranch && payload.ref !== `refs/heads/${defaultBranch}`) {
      info(
        `The index is kept on ${defaultBranch}; nothing to do for a push to ${payload.ref}.`
      );
      return;
    }
    const token = requiredInput("token");
    const gateway = createGateway(await octokitFor(token), context.repo);
    const templates = await loadTemplates();
    const local = checkoutReader(process.env.GITHUB_WORKSPACE);
    const result = await updateIndex({
      gateway,
      knownTemplates: [...templates.keys()],
      today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
      log,
      // With a checkout (actions/checkout), postmortems whose blob matches are read from it.
      ...local ? { local } : {}
    });
    setOutput("index", result.outcome);
    setOutput("files", result.postmortems);
    if (result.pull !== null) setOutput("pull-request", result.pull);
  } catch (error) {
    setFailed(describeFailure(error));
  }
}
async function main() {
  const command = getInput("command") || "validate";
  if (command === "app") {
    const { runAppInAction } = await import("./chunks/action-adapter-MY3EYKJX.js");
    return runAppInAction();
  }
  if (command === "sync") return runScheduledSync();
  if (command === "index") return runIndex();
  if (command !== "validate") {
    setFailed(`Input command must be "validate", "sync", "index" or "app", not "${command}".`);
    return;
  }
  try {
    const token = requiredInput("token");
    const maxWarnings = getInput("max-warnings");
    if (maxWarnings !== "" && !/^\d+$/.test(maxWarnings))
      throw new Error(`Input max-warnings must be a whole number, not "${maxWarnings}".`);
    const context = readContext();
    const reporter = {
      info: (message) => info(message),
      warning: (message) => annotate("warning", message),
      annotate: (finding) => {
        const properties = {
          title: finding.rule,
          file: finding.file,
          startLine: finding.line,
          endLine: finding.endLine,
          ...finding.line === finding.endLine ? {
            startColumn: finding.column,
            ...finding.endColumn ? { endColumn: finding.endColumn } : {}
          } : {}
        };
        const message = finding.suggestion ? `${finding.message}
Suggestion: ${finding.suggestion}` : finding.message;
        annotate(finding.level === "error" ? "error" : "warning", message, properties);
      },
      summary: async (markdown) => appendSummary(markdown),
      output: (name, value) => setOutput(name, value),
      fail: (message) => setFailed(message)
    };
    await runAction({
      inputs: {
        configPath: getInput("config") || CONFIG_FILE,
        comment: getBooleanInput("comment"),
        maxWarnings: maxWarnings === "" ? null : Number(maxWarnings)
      },
      event: { name: context.eventName, payload: context.payload },
      gateway: createGateway(await octokitFor(token), context.repo),
      builtinTemplates: await loadTemplates(),
      now: /* @__PURE__ */ new Date(),
      reporter
    });
  } catch (error) {
    setFailed(describeFailure(error));
  }
}
function requiredInput(name) {
  const value = getInput(name);
  if (!value) throw new Error(`Input required and not supplied: ${name}`);
  return value;
}

// src/action/index.ts
await main();
