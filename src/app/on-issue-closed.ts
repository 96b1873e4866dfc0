import type { Probot } from 'probot';
import { createGateway } from '../github/gateway.js';
import { fillResolved } from '../flows/fill-resolved.js';
import { incidentKey, loadRepoSetup, loggerOf, type HandlerKit } from './handler-kit.js';

/** An incident closed: its postmortem's `resolved_at` is filled in. */
export function onIssueClosed(app: Probot, kit: HandlerKit): void {
  app.on('issues.closed', async (context) => {
    const { payload } = context;
    const repo = context.repo();
    const gateway = createGateway(context.octokit, repo);
    const issue = payload.issue;
    const delivery = { id: context.id, handler: 'resolved', log: loggerOf(context.log) };
    await kit.once(delivery, incidentKey(repo, issue.number), async () => {
      const { loaded } = await loadRepoSetup(kit, { config: (f) => context.config(f), gateway });
      if (loaded.errors.length > 0) return;
      const labels = (issue.labels ?? []).map((label) =>
        (typeof label === 'string' ? label : label.name).toLowerCase(),
      );
      if (!labels.includes(loaded.config.labels.incident.toLowerCase())) return;
      const closedAt = issue.closed_at ?? kit.now().toISOString();
      const result = await fillResolved({
        gateway,
        config: loaded.config,
        incident: issue.number,
        closedAt: closedAt.replace(/\.\d{3}Z$/, 'Z'),
        log: loggerOf(context.log),
      });
      context.log.info(`resolved_at for incident #${issue.number}: ${result}`);
    });
  });
}
