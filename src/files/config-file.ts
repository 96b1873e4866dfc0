import { readFile } from 'node:fs/promises';
import { loadConfig, type LoadedConfig } from '../core/load-config.js';

export { CONFIG_PATH } from '../core/postmortem-paths.js';

/** Reads a config file from disk; a missing file means defaults, any other read error is reported. */
export async function readConfigFile(
  path: string,
  knownTemplates: readonly string[],
): Promise<LoadedConfig> {
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return loadConfig(text, path, knownTemplates);
}
