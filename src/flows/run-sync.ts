import { createGateway, type OctokitLike } from '../github/gateway.js';
import { syncRepository, type ScheduledSyncOptions } from './sync-repository.js';

/**
 * The scheduled sync as the Action (`command: sync`) and the CLI (`hindsight sync`) both run it:
 * gateways for the repository (and for `actionItems.repository`) over one Octokit, the sync, and
 * the lines that report it, ending with a summary line (under `dryRun`, what would be written).
 */
export async function runSync(input: ScheduledSyncOptions & { octokit: OctokitLike }) {
  const gatewayFor = (fullName: string) => {
    const [owner = '', repo = ''] = fullName.split('/');
    return createGateway(input.octokit, { owner, repo });
  };
  const result = await syncRepository({ ...input, gateway: gatewayFor(input.repo), gatewayFor });
  const counts = `${plural(result.created, 'issue')} ${input.dryRun ? 'to create' : 'created'}, ${result.updated} ${input.dryRun ? 'to update' : 'updated'}, ${plural(result.reminded, 'reminder')}, ${plural(result.written.length, 'report')} ${input.dryRun ? 'to write back' : 'written back'} (${result.writeBackTo}); ${plural(result.reviewsReminded, 'review reminder')}`;
  const read =
    result.read.of === 'all'
      ? `read every postmortem (${result.read.postmortems})`
      : `read ${plural(result.read.postmortems, 'postmortem')} changed since the last sync`;
  const summary = input.dryRun
    ? `Dry run: ${counts}; ${read}; nothing was written.`
    : `Action items: ${counts}; ${read}.`;
  return {
    result,
    plan: result.plan.map((line) => `would ${line}`),
    skipped: result.skipped.map((line) => `skipped ${line}`),
    summary,
    /** Postmortems that could not be synced (each on its own: the others were). */
    failed:
      result.failed.length === 0
        ? []
        : [
            `${plural(result.failed.length, 'postmortem')} could not be synced (the others were):`,
            ...result.failed.map((line) => `  ${line}`),
          ],
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
