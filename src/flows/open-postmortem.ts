import {
  INCIDENT_MARKER,
  isPostmortemOf,
  planPostmortem,
  postmortemCandidates,
  renderTemplate,
  type Config,
  type IncidentFacts,
  type Template,
} from '../core/index.js';
import { errorMessage, httpStatus, type Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';

export const LINK_MARKER = (number: number) => `<!-- hindsight:postmortem-link ${number} -->`;

export interface OpenInput {
  gateway: Gateway;
  config: Config;
  templates: ReadonlyMap<string, Template>;
  incident: {
    number: number;
    title: string;
    url: string;
    createdAt: string;
    labels: string[];
    assignees: string[];
    labeledBy: string;
  };
  /** `owner/name` of the incident's repository, to recognise `incident: owner/name#12`. */
  repository: string;
  /** From the webhook's repository, so it costs no request. */
  defaultBranch: string;
  log: Logger;
}

export interface OpenResult {
  /** `file`: the postmortem had already landed on the default branch. */
  kind: 'pull-request' | 'issue' | 'file';
  /** The pull request's or issue's number; null for a file. */
  number: number | null;
  url: string;
  /** False when an existing postmortem was found and linked instead. */
  created: boolean;
  path?: string;
}

/**
 * Opens the postmortem for an incident, or links the one that exists. Every step is safe to
 * repeat: the branch name is fixed by the incident number, an existing file or pull request is
 * reused, and the incident gets one comment, found again by its hidden marker.
 * 1. Gather the incident's timeline and comments; plan the file, branch and pull request.
 * 2. As an issue (`open.as: issue`): reuse one carrying the marker, or open it.
 * 3. As a pull request: find the open one, or a postmortem for the incident already on the
 *    default branch (merged earlier, or written by hand); otherwise branch from the default
 *    branch, commit the rendered file unless it is there, open a draft PR, label it, ask the
 *    owner to review.
 * 4. Comment on the incident with the link, once.
 */
export async function openPostmortem(input: OpenInput): Promise<OpenResult> {
  const { gateway, config, incident, log } = input;
  // 1.
  // The timeline holds the comments too ("commented" events): one paginated read for both.
  const events = await gateway.listTimeline(incident.number);
  const comments = events
    .filter((e) => e.event === 'commented' && e.body !== null)
    .map((e) => ({
      login: e.actor ?? 'ghost',
      body: e.body as string,
      createdAt: e.createdAt ?? incident.createdAt,
      url: e.url ?? incident.url,
    }));
  const facts: IncidentFacts = {
    ...incident,
    events,
    comments: comments.filter((c) => !c.body.includes('<!-- hindsight:')),
  };
  const plan = planPostmortem(facts, config);
  const template = input.templates.get(config.template);
  if (!template) throw new Error(`Template "${config.template}" does not exist.`);
  const text = renderTemplate(template, plan.values);
  const linked = comments.some((comment) => comment.body.includes(LINK_MARKER(incident.number)));

  // 2.
  if (config.open.as === 'issue') {
    const marker = INCIDENT_MARKER(incident.number);
    const existing = (await gateway.listIssuesByLabel(config.labels.postmortem)).find((issue) =>
      issue.body.includes(marker),
    );
    const issue =
      existing ??
      (await gateway.createIssue({
        title: plan.pullTitle,
        body: `Refs #${incident.number}\n\n${text}\n\n${marker}`,
        labels: [config.labels.postmortem],
      }));
    if (!linked)
      await gateway.createComment(
        incident.number,
        linkComment(incident.number, 'issue', issue.url, !existing),
      );
    return { kind: 'issue', number: issue.number, url: issue.url, created: !existing };
  }

  // 3.
  const base = input.defaultBranch;
  const head = await gateway.branchSha(plan.branch);
  let pull = head ? await gateway.findOpenPull(plan.branch) : null;
  let created = false;
  if (!pull) {
    const landed = await findLanded(input, base);
    if (landed) {
      if (!linked)
        await gateway.createComment(
          incident.number,
          linkComment(incident.number, 'file', landed.url, false),
        );
      return { kind: 'file', number: null, url: landed.url, created: false, path: landed.path };
    }
    if (!head) {
      const baseSha = await gateway.branchSha(base);
      if (!baseSha) throw new Error(`The default branch ${base} has no commits to branch from.`);
      await gateway.createBranch(plan.branch, baseSha);
    }
    if (!(head && (await gateway.getFile(plan.path, plan.branch)))) {
      try {
        await gateway.putFile({
          path: plan.path,
          branch: plan.branch,
          text,
          message: `Draft postmortem for #${incident.number}`,
        });
      } catch (error) {
        // Someone (a concurrent delivery) committed it first: theirs stands.
        if (httpStatus(error) !== 422 && httpStatus(error) !== 409) throw error;
        log.info(`${plan.path} appeared on ${plan.branch} while writing it; keeping that version.`);
      }
    }
    const opened = await gateway.openPullRequest({
      title: plan.pullTitle,
      head: plan.branch,
      base,
      body: plan.pullBody,
      draft: true,
    });
    pull = { number: opened.number, url: opened.url, body: '' };
    created = opened.created;
    if (created) {
      await gateway.addLabels(opened.number, [config.labels.postmortem]);
      await requestReview({
        gateway,
        pull: opened.number,
        // GitHub refuses the whole request when it names the PR's author (a person's token).
        logins: plan.reviewers.filter((login) => login.toLowerCase() !== opened.author),
        teams: plan.teams,
        org: input.repository.split('/')[0] as string,
        log,
      });
    }
  }

  // 4.
  if (!linked)
    await gateway.createComment(
      incident.number,
      linkComment(incident.number, 'pull request', pull.url, created),
    );
  return { kind: 'pull-request', number: pull.number, url: pull.url, created, path: plan.path };
}

/**
 * The incident's postmortem on the default branch, if one landed already: a merged draft whose
 * branch is gone, or one a person wrote. One listing; only files dated near the incident are read.
 */
async function findLanded(
  input: OpenInput,
  ref: string,
): Promise<{ path: string; url: string } | null> {
  const files = await input.gateway.listMarkdown(input.config.directory.replace(/\/+$/, ''), ref);
  const candidates = new Set(
    postmortemCandidates(
      files.map((file) => file.path),
      input.incident.createdAt,
    ),
  );
  for (const file of files) {
    if (!candidates.has(file.path)) continue;
    const text = await input.gateway.readFile(file.path, ref);
    if (
      text !== null &&
      isPostmortemOf({
        path: file.path,
        text,
        incident: input.incident.number,
        repo: input.repository,
      })
    )
      return file;
  }
  return null;
}

/**
 * Asks people who can review (checked, never the bot or a stranger) and the organisation's teams
 * (GitHub takes only teams of the repository's organisation); a refusal is logged, not fatal.
 */
async function requestReview(input: {
  gateway: Gateway;
  pull: number;
  logins: string[];
  teams: { org: string; team: string }[];
  org: string;
  log: Logger;
}): Promise<void> {
  const { gateway, log } = input;
  const people: string[] = [];
  for (const login of new Set(input.logins)) {
    if (/\[bot\]$/.test(login)) continue;
    if (await gateway.isAssignable(login)) people.push(login);
    else log.info(`@${login} cannot be asked to review here (not a collaborator); skipped.`);
  }
  const teams: string[] = [];
  for (const { org, team } of input.teams) {
    if (org.toLowerCase() === input.org.toLowerCase()) teams.push(team);
    else
      log.info(
        `@${org}/${team} cannot be asked to review here (only teams of ${input.org} can); skipped.`,
      );
  }
  // One unknown team fails the whole request, so a refusal with teams is tried again without them.
  const attempts = teams.length > 0 && people.length > 0 ? [teams, []] : [teams];
  for (const asTeams of attempts) {
    if (people.length === 0 && asTeams.length === 0) return;
    try {
      return await gateway.requestReviewers(input.pull, people, asTeams);
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      log.warn(
        `Could not request reviews from ${[...people, ...asTeams.map((t) => `${input.org}/${t}`)].join(', ')}: ${errorMessage(error)}`,
      );
    }
  }
}

function linkComment(number: number, kind: string, url: string, created: boolean): string {
  return [
    LINK_MARKER(number),
    created
      ? `📝 A draft postmortem for this incident is open: ${url}`
      : `📝 This incident already has a postmortem ${kind}: ${url}`,
    '',
    'Fill it in while the details are fresh. The timeline, severity and owner were prefilled from this issue.',
  ].join('\n');
}
