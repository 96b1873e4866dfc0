import { isPostmortemPath } from '../core/postmortem-paths.js';
import { applyEdits, parsePostmortem, setFieldEdit, type Config } from '../core/index.js';
import type { Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';
import { updateFile } from './update-file.js';

/**
 * Closing the incident fills `resolved_at` in its open postmortem PR, only if a person has not
 * written one. Only that value changes; a concurrent edit (409/422 on a stale sha) is retried on
 * the fresh content, never overwritten.
 */
export async function fillResolved(input: {
  gateway: Gateway;
  config: Config;
  incident: number;
  closedAt: string;
  log: Logger;
}): Promise<'no-postmortem' | 'kept' | 'filled'> {
  const { gateway, config, incident, closedAt, log } = input;
  const branch = `hindsight/incident-${incident}`;
  const pull = await gateway.findOpenPull(branch);
  if (!pull) return 'no-postmortem';
  const paths = (await gateway.listPullFiles(pull.number))
    .filter((f) => f.status !== 'removed' && isPostmortemPath(config, f.path))
    .map((f) => f.path);
  let result: 'kept' | 'filled' | 'no-postmortem' = 'no-postmortem';
  for (const path of paths) {
    let kept = false;
    const outcome = await updateFile({
      gateway,
      path,
      branch,
      log,
      doing: 'filling resolved_at',
      change: (text) => {
        const postmortem = parsePostmortem(path, text);
        const named = postmortem.frontMatter.data.incident;
        if (Number(named) !== incident && named !== `#${incident}`) return null;
        const edit = setFieldEdit(postmortem, 'resolved_at', closedAt, { onlyIfEmpty: true });
        kept = !edit;
        return edit
          ? {
              text: applyEdits(text, [edit]),
              message: `Fill resolved_at from the closing of #${incident}`,
            }
          : null;
      },
    });
    if (outcome === 'written') result = 'filled';
    else if (kept && result !== 'filled') result = 'kept';
  }
  return result;
}
