import { parentPort, workerData } from 'node:worker_threads';
import { lintChunk } from './lint-files.js';
import { loadSetup } from './load-setup.js';

// A worker thread of `hindsight lint`: loads the same config and templates, lints its share.
const { files, cwd, configPath, now } = workerData as {
  files: string[];
  cwd: string;
  configPath: string | undefined;
  now: string;
};
const setup = await loadSetup(
  { cwd, now: new Date(now), stdout: () => {}, stderr: () => {} },
  configPath,
);
parentPort?.postMessage(lintChunk(files, cwd, setup, new Date(now)));
