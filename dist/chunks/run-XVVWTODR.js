import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  FORMATS,
  VERSION,
  formatResults
} from "./chunk-4YBUNLR6.js";
import {
  lintFiles
} from "./chunk-Q67A3YWJ.js";
import {
  findFiles,
  loadSetup
} from "./chunk-UWJPLAJ6.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  isIndexReadme,
  newPostmortemPath,
  reviewDueDate,
  validDate,
  withTemplate
} from "./chunk-K5AHS4EK.js";
import {
  TemplateError,
  loadTemplates,
  renderTemplate
} from "./chunk-HSOKINQF.js";
import "./chunk-366W3JI3.js";
import "./chunk-HANBNIMK.js";

// src/cli/run.ts
import { parseArgs } from "node:util";

// src/cli/lint-command.ts
async function lintCommand(options, context, version) {
  if (!FORMATS.includes(options.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${options.format}".`);
  }
  const maxWarnings = options.maxWarnings === void 0 ? Infinity : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity)
    throw new UsageError(`--max-warnings takes a whole number, not "${options.maxWarnings}".`);
  const setup = await loadSetup(context, options.config);
  const paths = options.paths.length > 0 ? options.paths : [setup.config.directory];
  const files = (await findFiles(paths, context.cwd)).filter(
    (file) => options.paths.length > 0 || !isIndexReadme(file)
  );
  const jobs = options.jobs === void 0 ? 0 : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 0)
    throw new UsageError(`--jobs takes a whole number (0 = one per core), not "${options.jobs}".`);
  const results = await lintFiles({
    files,
    cwd: context.cwd,
    setup,
    configPath: options.config,
    now: context.now,
    jobs
  });
  context.stdout(formatResults(options.format, results, version));
  const findings = results.flatMap((result) => result.findings);
  const errors = findings.filter((finding) => finding.level === "error").length;
  const warnings = findings.length - errors;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    context.stderr(`${warnings} warnings, more than --max-warnings ${maxWarnings}.
`);
    return 1;
  }
  return 0;
}

// src/cli/new-command.ts
import { lstat, mkdir, writeFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
async function newCommand(options, context) {
  const title = options.title?.trim();
  if (!title) throw new UsageError('hindsight new needs --title "What happened".');
  const setup = await loadSetup(context, options.config);
  const templateName = options.template ?? setup.config.template;
  const template = setup.templates.get(templateName);
  if (!template)
    throw new UsageError(
      `Unknown template "${templateName}"; templates: ${[...setup.templates.keys()].join(", ")}.`
    );
  if (options.severity && !setup.config.severities.includes(options.severity)) {
    throw new UsageError(
      `--severity must be one of ${setup.config.severities.join(", ")}, not "${options.severity}".`
    );
  }
  const incident = options.incident?.replace(/^#/, "");
  if (incident !== void 0 && !/^(?:[\w.-]+\/[\w.-]+#)?\d+$/.test(incident)) {
    throw new UsageError(
      `--incident takes an issue number (123) or owner/repo#123, not "${options.incident}".`
    );
  }
  if (options.owner && !/^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(options.owner)) {
    throw new UsageError(`--owner takes a GitHub handle such as @octocat, not "${options.owner}".`);
  }
  const date = options.date ?? context.now.toISOString().slice(0, 10);
  if (!validDate(date))
    throw new UsageError(`--date must be a day written YYYY-MM-DD, not "${date}".`);
  const path = newPostmortemPath(setup.config.directory, date, title);
  const rendered = renderTemplate(template, {
    title,
    incident: incident === void 0 ? null : /^\d+$/.test(incident) ? Number(incident) : incident,
    date,
    severity: options.severity ?? null,
    owner: options.owner ? `@${options.owner.replace(/^@/, "")}` : null,
    reviewers: [],
    tags: [],
    services: [],
    due: reviewDueDate(date, setup.config.reviewDueBusinessDays)
  });
  const text = templateName === setup.config.template ? rendered : withTemplate(rendered, templateName);
  const absolute = resolve(context.cwd, path);
  await refuseLinks(context.cwd, dirname(absolute));
  await mkdir(dirname(absolute), { recursive: true });
  try {
    await writeFile(absolute, text, { flag: "wx" });
  } catch (error) {
    if (error.code === "EEXIST") {
      throw new UsageError(
        `${path} already exists; it was left as it is. Choose another --title or --date.`
      );
    }
    throw error;
  }
  context.stdout(`${path}
`);
  context.stderr(
    `Created ${path} from the "${template.name}" template. Fill it in, then run: hindsight lint ${path}
`
  );
  return 0;
}
async function refuseLinks(cwd, folder) {
  let at = resolve(cwd);
  for (const part of relative(at, folder).split(sep).filter(Boolean)) {
    at = resolve(at, part);
    const entry = await lstat(at).catch(() => null);
    if (!entry) return;
    if (entry.isSymbolicLink()) {
      throw new UsageError(
        `${relative(cwd, at)} is a symbolic link; hindsight new does not write through links. Make it a real folder, or set \`directory\` in the config to one.`
      );
    }
  }
}

// src/cli/run.ts
var HELP = `hindsight ${VERSION}: postmortems as Markdown files in your repository

Usage:
  hindsight new --title "\u2026" [--template standard] [--severity SEV2] [--incident 123] [--owner @you] [--date YYYY-MM-DD]
  hindsight lint [paths|globs\u2026] [--format stylish|json|github|sarif] [--max-warnings N] [--jobs N]
  hindsight index [--out FILE] [--format markdown|json]   the index and insights of all postmortems
  hindsight import <files\u2026> [--out DIR] [--format stylish|json]   postmortems of other shapes to format v1
  hindsight templates
  hindsight sync --repo owner/name [--dry-run]   action items to issues, statuses back (GITHUB_TOKEN, GITHUB_API_URL)
  hindsight sandbox [--port N] [--webhook-url URL] [--faults SPEC]   a local GitHub API with a
                                   demo repository, printing the app's environment (export lines);
                                   --faults "rate=0.05,kinds=500|502|timeout|drop|secondary|409,
                                   routes=POST /repos/*,callers=installation,seed=1" makes it fail
  hindsight sandbox label <owner/repo> <issue> <label>   label an issue in a running sandbox
  hindsight demo                   the whole loop locally: incident label \u2192 draft postmortem PR \u2192 check

Options:
  --config <file>   configuration (default .github/postmortem.yml)
  -j, --jobs <n>    threads for lint (default: one per core, up to 4; used from 2,000 files)
  -h, --help        this help

lint exits 0 when clean, 1 on errors (or more warnings than --max-warnings), 2 on a usage or config error.
`;
async function runCli(argv, context) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
        config: { type: "string" },
        format: { type: "string", short: "f" },
        out: { type: "string", short: "o" },
        "max-warnings": { type: "string" },
        jobs: { type: "string", short: "j" },
        title: { type: "string" },
        template: { type: "string" },
        severity: { type: "string" },
        incident: { type: "string" },
        owner: { type: "string" },
        date: { type: "string" },
        port: { type: "string" },
        faults: { type: "string" },
        "webhook-url": { type: "string" },
        repo: { type: "string" },
        "dry-run": { type: "boolean" }
      }
    });
    const [command, ...rest] = positionals;
    if (values.version) {
      context.stdout(`${VERSION}
`);
      return 0;
    }
    if (values.help || !command) {
      context.stdout(HELP);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case "lint":
        return await lintCommand(
          {
            paths: rest,
            format: values.format ?? "stylish",
            maxWarnings: values["max-warnings"],
            config: values.config,
            jobs: values.jobs
          },
          context,
          VERSION
        );
      case "index": {
        const { indexCommand } = await import("./index-command-QYSK35AJ.js");
        return await indexCommand(
          { out: values.out, format: values.format, config: values.config },
          context
        );
      }
      case "import": {
        const { importCommand } = await import("./import-command-DQ772IA5.js");
        return await importCommand(
          {
            paths: rest,
            out: values.out,
            format: values.format ?? "stylish",
            config: values.config
          },
          context
        );
      }
      case "new":
        return await newCommand({ ...values, config: values.config }, context);
      case "sandbox": {
        const { sandboxCommand, sandboxLabelCommand } = await import("./sandbox-command-77NFBJK2.js");
        if (rest[0] === "label")
          return await sandboxLabelCommand(rest.slice(1), context, process.env);
        if (rest.length > 0)
          throw new UsageError(`Unknown sandbox command "${rest[0]}"; sandbox takes "label".`);
        return await sandboxCommand(
          { port: values.port, webhookUrl: values["webhook-url"], faults: values.faults },
          context
        );
      }
      case "sync": {
        const { syncCommand } = await import("./sync-command-W7LETK4O.js");
        return await syncCommand(
          { repo: values.repo, dryRun: values["dry-run"] === true },
          context,
          process.env
        );
      }
      case "demo": {
        const { demoCommand } = await import("./demo-command-FUAKCVPV.js");
        return await demoCommand(context);
      }
      case "templates": {
        const templates = await loadTemplates(context.cwd);
        for (const [name, template] of templates)
          context.stdout(`${name.padEnd(14)}${template.description}
`);
        return 0;
      }
      default:
        throw new UsageError(
          `Unknown command "${command}". Commands: new, lint, index, import, templates, sync, sandbox, demo.`
        );
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof TemplateError || error.code?.startsWith("ERR_PARSE_ARGS")) {
      context.stderr(`hindsight: ${error.message}
`);
      if (error.code?.startsWith("ERR_PARSE_ARGS"))
        context.stderr("Run `hindsight --help` for usage.\n");
      return 2;
    }
    throw error;
  }
}
export {
  runCli
};
