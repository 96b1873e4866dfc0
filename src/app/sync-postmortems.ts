import { formatConfigError, type Identity } from '../core/index.js';
import { createGateway, type OctokitLike, type RepositoryFacts } from '../github/gateway.js';
import type { Logger } from '../flows/logger.js';
import { syncActionItems } from '../flows/sync-action-items.js';
import { loadRepoSetup, type HandlerKit } from './handler-kit.js';

/** Syncs some postmortems of a repository, one sync at a time per repository. */
export async function syncPostmortems(
  kit: HandlerKit,
  context: {
    id: string;
    octokit: OctokitLike;
    log: Logger;
    config: (file: string) => Promise<unknown>;
  },
  repo: { owner: string; repo: string },
  /** From the webhook's repository when it is the one synced (saves a request). */
  facts: RepositoryFacts | null,
  paths: (config: { directory: string }) => string[],
  self: Identity,
): Promise<void> {
  const { etags, state } = kit;
  const gateway = createGateway(context.octokit, repo, {
    etags,
    self,
    ...(facts ? { repository: facts } : {}),
  });
  const delivery = { id: context.id, handler: 'sync', log: context.log };
  await kit.once(delivery, `${repo.owner}/${repo.repo} sync`.toLowerCase(), async () => {
    const { loaded } = await loadRepoSetup(kit, { config: context.config, gateway });
    if (loaded.errors.length > 0)
      return context.log.warn(
        `Not syncing action items: ${loaded.errors.map(formatConfigError).join('; ')}`,
      );
    const selected = paths(loaded.config);
    if (selected.length === 0) return;
    // Issues may live in another repository (the installation must cover it).
    const source = `${repo.owner}/${repo.repo}`;
    const target = loaded.config.actionItems.repository;
    const elsewhere = target !== null && target.toLowerCase() !== source.toLowerCase();
    const [targetOwner, targetRepo] = (elsewhere ? target : source).split('/') as [string, string];
    const issueGateway = elsewhere
      ? createGateway(context.octokit, { owner: targetOwner, repo: targetRepo }, { etags, self })
      : gateway;
    const key = (elsewhere ? `${source}->${target}` : source).toLowerCase();
    const memory = await state.loadMemory(key);
    const result = await syncActionItems({
      gateway,
      issueGateway,
      home: elsewhere ? { source, target: target as string } : null,
      config: loaded.config,
      paths: selected,
      defaultBranch: (await gateway.repository()).defaultBranch,
      // Its own web host: GitHub Enterprise Server and ghe.com links must work too.
      repoUrl: (await gateway.repository()).htmlUrl,
      today: kit.today(),
      log: context.log,
      memory,
    });
    await state.saveMemory(key, memory);
    context.log.info(
      `Synced ${selected.join(', ')}: ${result.created} created, ${result.updated} updated, ${result.reminded} reminded, ${result.written.length} written back`,
    );
    // The others were synced; failing the delivery lets GitHub's redelivery (or the queue)
    // finish the ones that failed, which repeats nothing already done.
    if (result.failed.length > 0)
      throw new Error(
        `${result.failed.length} postmortem(s) could not be synced:\n${result.failed.join('\n')}`,
      );
  });
}
