import { CONFIG_PATH } from '../core/postmortem-paths.js';
import {
  type Config,
  formatConfigError,
  loadConfig,
  validateConfig,
  type LoadedConfig,
} from '../core/index.js';
import type { Gateway } from '../github/gateway.js';

export { CONFIG_PATH };

/**
 * The repository's config through Probot's loader (`context.config`: organisation defaults from
 * the `.github` repository and `_extends`), validated by our schema. When it is broken, the file's
 * text is read once more so the errors can name their lines.
 */
export async function loadRepoConfig(input: {
  probotConfig: () => Promise<unknown>;
  gateway: Gateway;
  knownTemplates: readonly string[];
}): Promise<LoadedConfig> {
  let raw: unknown;
  try {
    raw = (await input.probotConfig()) ?? {};
  } catch {
    // A YAML syntax error: let our reader say where.
    return loadConfig(await readText(input.gateway), CONFIG_PATH, input.knownTemplates);
  }
  const loaded = validateConfig(raw, { file: CONFIG_PATH, knownTemplates: input.knownTemplates });
  if (loaded.errors.length === 0) return loaded;
  const located = loadConfig(await readText(input.gateway), CONFIG_PATH, input.knownTemplates);
  return located.errors.length > 0 ? located : loaded;
}

async function readText(gateway: Gateway): Promise<string | null> {
  return gateway.readFile(CONFIG_PATH, await gateway.getDefaultBranch());
}

/**
 * The repository's config as committed at `ref`, for the scheduled runs (sync, index) that have
 * no Probot loader: its errors, each naming its line, stop the run.
 */
export async function readRepoConfigAt(input: {
  gateway: Gateway;
  ref: string;
  knownTemplates: readonly string[];
}): Promise<Config> {
  const loaded = loadConfig(
    await input.gateway.readFile(CONFIG_PATH, input.ref),
    CONFIG_PATH,
    input.knownTemplates,
  );
  if (loaded.errors.length > 0)
    throw new Error(
      `${CONFIG_PATH} is not valid:\n${loaded.errors.map(formatConfigError).join('\n')}`,
    );
  return loaded.config;
}
