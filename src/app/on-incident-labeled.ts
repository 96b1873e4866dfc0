import type { Probot } from 'probot';
import {
  CONFIG_ERROR_MARKER,
  defuseMarkers,
  defuseMentions,
  formatConfigError,
  type Identity,
} from '../core/index.js';
import { createGateway, type Gateway } from '../github/gateway.js';
import { openPostmortem } from '../flows/open-postmortem.js';
import { upsertMarkedComment } from '../flows/upsert-marked-comment.js';
import { incidentKey, loadRepoSetup, loggerOf, type HandlerKit } from './handler-kit.js';

/** An issue labelled as an incident: its postmortem is opened (or linked when it exists). */
export function onIncidentLabeled(app: Probot, kit: HandlerKit): void {
  app.on('issues.labeled', async (context) => {
    const { payload } = context;
    const repo = context.repo();
    const self = await kit.identity(app, context.octokit, repo);
    const gateway = createGateway(context.octokit, repo, {
      self,
      repository: {
        defaultBranch: payload.repository.default_branch,
        htmlUrl: payload.repository.html_url,
      },
    });
    const log = loggerOf(context.log);
    const issue = payload.issue;
    const delivery = { id: context.id, handler: 'open', log };
    await kit.once(delivery, incidentKey(repo, issue.number), async () => {
      const { templates, loaded } = await loadRepoSetup(kit, {
        config: (f) => context.config(f),
        gateway,
      });
      const incidentLabel = loaded.errors.length > 0 ? 'incident' : loaded.config.labels.incident;
      if (payload.label?.name.toLowerCase() !== incidentLabel.toLowerCase()) return;
      if (loaded.errors.length > 0) {
        await reportConfigError(gateway, issue.number, loaded.errors.map(formatConfigError), self);
        return;
      }
      const result = await openPostmortem({
        gateway,
        config: loaded.config,
        templates,
        defaultBranch: payload.repository.default_branch,
        incident: {
          number: issue.number,
          title: issue.title ?? '',
          url: issue.html_url,
          createdAt: issue.created_at,
          labels: (issue.labels ?? []).map((label) =>
            typeof label === 'string' ? label : label.name,
          ),
          assignees: (issue.assignees ?? [])
            .map((user) => user?.login)
            .filter((login): login is string => Boolean(login)),
          labeledBy: payload.sender.login,
        },
        repository: payload.repository.full_name,
        self,
        log,
      });
      log.info(
        `${result.created ? 'Opened' : 'Linked'} postmortem ${result.kind}${result.number === null ? '' : ` #${result.number}`} for incident #${issue.number}: ${result.url}`,
      );
    });
  });
}

/** One comment that says what is wrong with the config, edited in place on later tries. */
async function reportConfigError(
  gateway: Gateway,
  issue: number,
  errors: string[],
  self: Identity,
): Promise<void> {
  const body = [
    CONFIG_ERROR_MARKER,
    'Hindsight could not open a postmortem for this incident because `.github/postmortem.yml` is not valid:',
    '',
    // Errors quote the config: in a comment, its mentions would notify and its markers count.
    ...errors.map((error) => `- \`${defuseMentions(defuseMarkers(error.replace(/`/g, "'")))}\``),
    '',
    'Fix the file, then remove and re-apply the incident label.',
  ].join('\n');
  await upsertMarkedComment({ gateway, issue, marker: CONFIG_ERROR_MARKER, body, self });
}
