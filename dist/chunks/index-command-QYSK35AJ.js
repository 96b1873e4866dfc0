import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  IndexRegionError,
  defaultIndexFile,
  generateIndex
} from "./chunk-GTQJNIYT.js";
import {
  displayPath,
  findFiles,
  loadSetup
} from "./chunk-UWJPLAJ6.js";
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  postmortemFolder
} from "./chunk-K5AHS4EK.js";
import "./chunk-HSOKINQF.js";
import "./chunk-366W3JI3.js";
import "./chunk-HANBNIMK.js";

// src/cli/index-command.ts
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
async function indexCommand(options, context) {
  const format = options.format ?? "markdown";
  if (format !== "markdown" && format !== "json")
    throw new UsageError(`--format for index must be markdown or json, not "${format}".`);
  const setup = await loadSetup(context, options.config);
  const directory = postmortemFolder(setup.config);
  const paths = await findFiles([directory], context.cwd).catch((error) => {
    throw new UsageError(
      `${error.message} The index lists the postmortems in "directory" (${directory}) of the config.`
    );
  });
  const outPath = options.out ? resolve(context.cwd, options.out) : null;
  const indexFile = outPath ? displayPath(outPath, context.cwd) : defaultIndexFile(setup.config);
  const target = outPath ?? resolve(context.cwd, indexFile);
  const existing = format === "markdown" ? await readFile(target, "utf8").catch(() => null) : null;
  let generated;
  try {
    generated = generateIndex({
      // Synchronous reads: for thousands of small files a thread-pool round trip costs more than the read.
      files: paths.map((path) => ({
        path: displayPath(path, context.cwd),
        text: readFileSync(path, "utf8")
      })),
      config: setup.config,
      today: context.now.toISOString().slice(0, 10),
      indexFile,
      existing
    });
  } catch (error) {
    if (error instanceof IndexRegionError) throw new UsageError(error.message);
    throw error;
  }
  const count = generated.index.postmortems.length;
  if (format === "json") {
    const json = `${JSON.stringify(generated.index, null, 2)}
`;
    if (outPath) await write(outPath, json);
    else context.stdout(json);
    if (outPath) context.stderr(`Wrote the index of ${count} postmortems to ${indexFile}.
`);
    return 0;
  }
  if (generated.text === existing) {
    context.stderr(`${indexFile} is up to date (${count} postmortems).
`);
    return 0;
  }
  await write(target, generated.text);
  context.stderr(`Wrote the index of ${count} postmortems to ${indexFile}.
`);
  return 0;
}
async function write(path, text) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
export {
  indexCommand
};
