import { isPostmortemPath } from '../core/postmortem-paths.js';
import { applyEdits, parsePostmortem, setFieldEdit, type Config } from '../core/index.js';
import { httpStatus, type Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';

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
    for (let attempt = 1; ; attempt++) {
      const file = await gateway.getFile(path, branch);
      if (!file) break;
      const postmortem = parsePostmortem(path, file.text);
      if (
        Number(postmortem.frontMatter.data.incident) !== incident &&
        postmortem.frontMatter.data.incident !== `#${incident}`
      )
        break;
      const edit = setFieldEdit(postmortem, 'resolved_at', closedAt, { onlyIfEmpty: true });
      if (!edit) {
        result = result === 'filled' ? 'filled' : 'kept';
        break;
      }
      try {
        await gateway.putFile({
          path,
          branch,
          text: applyEdits(file.text, [edit]),
          message: `Fill resolved_at from the closing of #${incident}`,
          sha: file.sha,
        });
        result = 'filled';
        break;
      } catch (error) {
        const status = httpStatus(error);
        if ((status !== 409 && status !== 422) || attempt >= 5) throw error;
        log.info(
          `${path} changed while filling resolved_at (HTTP ${status}); retrying on the fresh content.`,
        );
      }
    }
  }
  return result;
}
