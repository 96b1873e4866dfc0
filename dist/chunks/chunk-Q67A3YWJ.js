import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  displayPath
} from "./chunk-UWJPLAJ6.js";
import {
  lintPostmortem
} from "./chunk-K5AHS4EK.js";

// src/cli/lint-files.ts
import { existsSync as existsSync2 } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// src/cli/read-postmortem-file.ts
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  realpathSync
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var MAX_FILE_BYTES = 2e6;
function repositoryRoot(cwd) {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return realpathSync(dir);
    if (dirname(dir) === dir) return realpathSync(cwd);
  }
}
function readPostmortemFile(file, display, root) {
  const refuse = (rule, message) => ({
    finding: { file: display, line: 1, column: 1, endLine: 1, rule, level: "error", message }
  });
  let fd;
  try {
    const real = realpathSync(file);
    if (!inside(root, real)) {
      return refuse(
        "file-read",
        `${display} resolves to ${real}, outside the repository (${root}); it was not read. Postmortems must be files inside the repository, not links out of it.`
      );
    }
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const info = fstatSync(fd);
    if (!info.isFile()) {
      return refuse(
        "file-read",
        `${display} is not a regular file (${kindOf(info)}); it was not read. Only Markdown files are linted.`
      );
    }
    if (info.size > MAX_FILE_BYTES) {
      return refuse(
        "size-limit",
        `${display} is ${info.size.toLocaleString("en-US")} bytes; files over ${MAX_FILE_BYTES.toLocaleString("en-US")} bytes are not checked. Split it, or move data (logs, dumps) to linked files.`
      );
    }
    const buffer = Buffer.alloc(Math.min(info.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (; ; ) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        return refuse(
          "size-limit",
          `${display} grew past ${MAX_FILE_BYTES.toLocaleString("en-US")} bytes while it was read; it was not checked.`
        );
      }
    }
    return { text: buffer.toString("utf8", 0, length) };
  } catch (error) {
    const code = error.code ?? "error";
    const message = error.message;
    const bare = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
    const reason = bare.includes(", ") ? bare.slice(0, bare.indexOf(", ")) : bare;
    return refuse(
      "file-read",
      `${display} could not be read (${code}: ${reason}); it was not linted.`
    );
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function kindOf(info) {
  if (info.isFIFO()) return "a named pipe";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  if (info.isDirectory()) return "a directory";
  return "not a file";
}
function inside(root, path) {
  const rel = relative(root, path);
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

// src/cli/lint-files.ts
var PARALLEL_FROM = 2e3;
function lintChunk(files, cwd, setup, now) {
  const root = repositoryRoot(cwd);
  return files.map((file) => {
    const path = displayPath(file, cwd);
    const read = readPostmortemFile(file, path, root);
    if ("finding" in read) return unreadResult(path, read.finding);
    const { postmortem: _model, ...result } = lintPostmortem({
      path,
      text: read.text,
      config: setup.config,
      ruleOptions: setup.ruleOptions,
      templates: setup.templates,
      now
    });
    return result;
  });
}
function unreadResult(file, finding) {
  return {
    file,
    findings: [finding],
    metrics: { timeToDetect: null, timeToMitigate: null, timeToResolve: null },
    status: null
  };
}
async function lintFiles(input) {
  const { files, cwd, setup, now } = input;
  const jobs = input.jobs > 0 ? input.jobs : Math.min(availableParallelism(), 4);
  const worker = fileURLToPath(new URL("./lint-worker.js", import.meta.url));
  const worthIt = input.jobs > 1 || files.length >= PARALLEL_FROM;
  if (jobs <= 1 || !worthIt || files.length < jobs || !existsSync2(worker))
    return lintChunk(files, cwd, setup, now);
  const chunks = Array.from({ length: jobs }, (_, n) => files.filter((_file, i) => i % jobs === n));
  const others = chunks.slice(1).map(
    (chunk) => new Promise((resolve2, reject) => {
      const thread = new Worker(worker, {
        workerData: { files: chunk, cwd, configPath: input.configPath, now: now.toISOString() }
      });
      thread.once("message", resolve2);
      thread.once("error", reject);
      thread.once(
        "exit",
        (code) => code !== 0 && reject(new Error(`lint worker exited with code ${code}`))
      );
    })
  );
  const parts = [lintChunk(chunks[0] ?? [], cwd, setup, now), ...await Promise.all(others)];
  const results = new Array(files.length);
  for (const [n, part] of parts.entries()) {
    for (const [k, result] of part.entries()) results[k * jobs + n] = result;
  }
  return results;
}

export {
  lintChunk,
  lintFiles
};
