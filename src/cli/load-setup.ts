import { resolve } from 'node:path';
import { formatConfigError, type LoadedConfig, type Template } from '../core/index.js';
import { readConfigFile, CONFIG_PATH } from '../files/config-file.js';
import { loadTemplates } from '../files/templates.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';

export interface Setup extends LoadedConfig {
  templates: Map<string, Template>;
}

/** Config and templates for a command; a broken config is a usage error listing every problem. */
export async function loadSetup(
  context: CliContext,
  configPath: string | undefined,
): Promise<Setup> {
  const templates = await loadTemplates(context.cwd);
  const path = configPath ?? CONFIG_PATH;
  const loaded = await readConfigFile(resolve(context.cwd, path), [...templates.keys()]);
  if (loaded.errors.length > 0) {
    throw new UsageError(
      loaded.errors.map((error) => formatConfigError({ ...error, file: path })).join('\n'),
    );
  }
  return { ...loaded, templates };
}
