import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  displayPath,
  findFiles,
  loadSetup
} from "./chunk-UWJPLAJ6.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  importPostmortem,
  reviewDueDate
} from "./chunk-K5AHS4EK.js";
import "./chunk-HSOKINQF.js";
import "./chunk-366W3JI3.js";
import "./chunk-HANBNIMK.js";

// src/cli/import-command.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
async function importCommand(options, context) {
  if (options.format !== "stylish" && options.format !== "json")
    throw new UsageError(`--format for import must be stylish or json, not "${options.format}".`);
  if (options.paths.length === 0)
    throw new UsageError("hindsight import needs the files to import: hindsight import old/*.md");
  const setup = await loadSetup(context, options.config);
  const files = await findFiles(options.paths, context.cwd);
  const directory = resolve(context.cwd, options.out ?? setup.config.directory);
  await mkdir(directory, { recursive: true });
  const today = context.now.toISOString().slice(0, 10);
  const due = reviewDueDate(today, setup.config.reviewDueBusinessDays);
  const results = [];
  for (const file of files) {
    const source = displayPath(file, context.cwd);
    const result = importPostmortem({
      path: source,
      text: await readFile(file, "utf8"),
      severities: setup.config.severities,
      today,
      due
    });
    const written = await writeNew(directory, result.fileName, result.text);
    results.push({
      source,
      output: displayPath(written.path, context.cwd),
      unchanged: written.unchanged,
      notes: result.notes
    });
  }
  if (options.format === "json") {
    context.stdout(`${JSON.stringify(results, null, 2)}
`);
  } else {
    for (const result of results) {
      context.stdout(
        `${result.source} \u2192 ${result.output}${result.unchanged ? " (already imported, left as it is)" : ""}
`
      );
      for (const note of result.notes) context.stdout(`  could not determine: ${note}
`);
    }
    context.stdout(
      `${results.length} file${results.length === 1 ? "" : "s"} imported. Check them with: hindsight lint ${displayPath(directory, context.cwd)}
`
    );
  }
  return 0;
}
async function writeNew(directory, fileName, text) {
  const stem = fileName.replace(/\.md$/, "");
  for (let n = 1; ; n++) {
    const path = join(directory, n === 1 ? fileName : `${stem}-${n}.md`);
    try {
      await writeFile(path, text, { flag: "wx" });
      return { path, unchanged: false };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (await readFile(path, "utf8") === text) return { path, unchanged: true };
    }
  }
}
export {
  importCommand
};
