import { parse as parseYaml } from 'yaml';
import { isPostmortemPath, postmortemFolder } from '../core/postmortem-paths.js';
import {
  defuseMentions,
  EMPTY_REPOSITORY_MARKER,
  incidentMarker,
  inertTitleLine,
  isPostmortemOf,
  lastBodyMarker,
  linkMarker,
  planPostmortem,
  postmortemCandidates,
  renderTemplate,
  startsWithMarker,
  writtenBy,
  type Config,
  type Identity,
  type IncidentFacts,
  type PostmortemPlan,
  type Template,
} from '../core/index.js';
import { errorMessage, httpStatus, type Gateway } from '../github/gateway.js';
import type { Logger } from './logger.js';

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
  /** Hindsight's own account: only its comments, issues and PRs carry markers that count. */
  self: Identity;
  log: Logger;
}

export interface OpenResult {
  /** `file`: the postmortem had already landed on the default branch. */
  kind: 'pull-request' | 'issue' | 'file' | 'empty-repository';
  /** The pull request's or issue's number; null for a file. */
  number: number | null;
  url: string;
  /** False when an existing postmortem was found and linked instead. */
  created: boolean;
  path?: string;
}

/**
 * Opens the postmortem for an incident, or links the one that exists, and finishes what an
 * earlier delivery left half done. The link comment on the incident is written last, so while it
 * is missing every step is checked and only what is missing is done: the branch (named by the
 * incident number), the file (the one already on the branch is kept, even after a rename), the
 * pull request, its label, its reviewers, the comment. Only Hindsight's own comments and issues
 * count as done (its markers, written by its account, where it writes them).
 * 1. Gather the incident's timeline and comments; plan the file, branch and pull request.
 * 2. As an issue (`open.as: issue`): reuse Hindsight's issue for the incident, or open it.
 * 3. As a pull request: an open PR on the branch that a person opened is linked as it is; a
 *    postmortem already on the default branch (merged earlier, or written by hand) is linked;
 *    otherwise branch, commit the file unless the branch has one, open the draft PR, label it,
 *    ask for reviews, each only if not done yet.
 * 4. Comment on the incident with the link, once.
 */
export async function openPostmortem(input: OpenInput): Promise<OpenResult> {
  const { gateway, config, incident, log, self } = input;
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
  const ours = (comment: { login: string; body: string }, marker: string) =>
    writtenBy(comment.login, self) && startsWithMarker(comment.body, marker);
  const facts: IncidentFacts = {
    ...incident,
    events,
    // Hindsight's own comments are not part of the incident's story.
    comments: comments.filter((c) => !(writtenBy(c.login, self) && c.body.startsWith('<!--'))),
  };
  const plan = planPostmortem(facts, config);
  const template = input.templates.get(config.template);
  if (!template) throw new Error(`Template "${config.template}" does not exist.`);
  const text = renderTemplate(template, plan.values);
  const linked = comments.some((comment) => ours(comment, linkMarker(incident.number)));

  // 2.
  if (config.open.as === 'issue') {
    const marker = incidentMarker(incident.number);
    const existing = (await gateway.listIssuesByLabel(config.labels.postmortem)).find(
      (issue) =>
        writtenBy(issue.author, self) &&
        lastBodyMarker(issue.body, 'incident') === String(incident.number),
    );
    const issue =
      existing ??
      (await gateway.createIssue({
        title: plan.pullTitle,
        body: `Refs #${incident.number}\n\n${defuseBelowFrontMatter(text)}\n\n${marker}`,
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
  const open = head ? await gateway.findOpenPull(plan.branch) : null;
  if (open && (linked || !writtenBy(open.author, self))) {
    if (!linked)
      await gateway.createComment(
        incident.number,
        linkComment(incident.number, 'pull request', open.url, false),
      );
    return { kind: 'pull-request', number: open.number, url: open.url, created: false };
  }
  if (!open) {
    const landed = await findLanded(input, base);
    if (landed) {
      if (!linked)
        await gateway.createComment(
          incident.number,
          linkComment(incident.number, 'file', landed.url, false),
        );
      return { kind: 'file', number: null, url: landed.url, created: false, path: landed.path };
    }
  }
  let path: string;
  try {
    path = await ensureFile({ input, plan, text, head, pull: open?.number ?? null });
  } catch (error) {
    if (!(error instanceof EmptyRepositoryError)) throw error;
    // Nothing to branch from: say what to do on the incident, once.
    if (!comments.some((comment) => ours(comment, EMPTY_REPOSITORY_MARKER)))
      await gateway.createComment(incident.number, emptyRepositoryComment(input));
    log.warn(error.message);
    return { kind: 'empty-repository', number: null, url: incident.url, created: false };
  }
  const pull = open
    ? { number: open.number, url: open.url, created: false, author: open.author }
    : await gateway.openPullRequest({
        title: plan.pullTitle,
        head: plan.branch,
        base,
        body: plan.pullBody,
        draft: true,
      });
  await ensureLabelAndReviewers({
    input,
    plan,
    pull: pull.number,
    fresh: pull.created,
    author: pull.author,
  });

  // 4.
  if (!linked)
    await gateway.createComment(
      incident.number,
      linkComment(incident.number, 'pull request', pull.url, true),
    );
  log.info(`Postmortem PR #${pull.number} for incident #${incident.number} is complete.`);
  return { kind: 'pull-request', number: pull.number, url: pull.url, created: pull.created, path };
}

/**
 * An issue body notifies whoever it mentions: the timeline's mentions (people who commented,
 * labelled, were assigned) are defused. The front matter keeps its owner and reviewers as
 * written, since they are read back from the issue (review reminders name the owner).
 */
function defuseBelowFrontMatter(text: string): string {
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 3) : -1;
  if (end === -1) return defuseMentions(text);
  // The title is the incident's, which anyone can write: inert here too, the same value in YAML.
  const frontMatter = text
    .slice(0, end + 5)
    .split('\n')
    .map((line) => inertTitleLine(line, parseYaml))
    .join('\n');
  return frontMatter + defuseMentions(text.slice(end + 5));
}

/**
 * The branch and its postmortem file. A file the branch already adds under the postmortem
 * directory is kept (an earlier delivery wrote it, perhaps under the incident's old title):
 * renaming the incident never leaves a second file.
 */
async function ensureFile(args: {
  input: OpenInput;
  plan: PostmortemPlan;
  text: string;
  head: string | null;
  pull: number | null;
}): Promise<string> {
  const { input, plan } = args;
  const { gateway, log } = input;
  const base = input.defaultBranch;
  if (!args.head) {
    const baseSha = await gateway.branchSha(base);
    if (!baseSha) throw new EmptyRepositoryError(input.repository, base);
    await gateway.createBranch(plan.branch, baseSha);
  } else {
    const changed =
      args.pull !== null
        ? await gateway.listPullFiles(args.pull)
        : await gateway.listPushFiles(base, plan.branch);
    const existing = changed.find(
      (file) => file.status !== 'removed' && isPostmortemPath(input.config, file.path),
    );
    if (existing) return existing.path;
  }
  // The planned name, or, when another incident's postmortem already holds it (two incidents of
  // the same title on the same day), the next free one: `…-2.md` on. Never over another file.
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const path = n === 1 ? plan.path : plan.path.replace(/\.md$/, `-${n}.md`);
    try {
      await gateway.putFile({
        path,
        branch: plan.branch,
        text: args.text,
        message: `Draft postmortem for #${input.incident.number}`,
      });
      return path;
    } catch (error) {
      if (httpStatus(error) !== 422 && httpStatus(error) !== 409) throw error;
      const there = await gateway.readFile(path, plan.branch);
      const ours =
        there === null ||
        isPostmortemOf({
          path,
          text: there,
          incident: input.incident.number,
          repo: input.repository,
        });
      // Someone (a concurrent delivery) committed it first: theirs stands.
      if (ours) {
        log.info(`${path} appeared on ${plan.branch} while writing it; keeping that version.`);
        return path;
      }
      log.info(`${path} holds another incident's postmortem; trying the next name.`);
    }
  }
  throw new Error(
    `${plan.path} and the next ${MAX_NAME_TRIES - 1} names on ${plan.branch} hold other incidents' postmortems: rename one, or retitle incident #${input.incident.number}.`,
  );
}

/** How many names (`x.md`, `x-2.md`, …) are tried for a new postmortem. */
const MAX_NAME_TRIES = 9;

/**
 * The postmortem label and review requests. A PR opened just now gets both; one an earlier
 * delivery opened gets what it lacks (a 500 or a timeout may have cut that delivery short).
 */
async function ensureLabelAndReviewers(args: {
  input: OpenInput;
  plan: PostmortemPlan;
  pull: number;
  fresh: boolean;
  /** The PR's author: GitHub refuses the whole review request when it names the author. */
  author: string | null;
}): Promise<void> {
  const { input, plan, pull } = args;
  const { gateway, config, log } = input;
  const state = args.fresh ? null : await gateway.getPullReviewState(pull);
  const label = config.labels.postmortem;
  if (!state?.labels.some((name) => name.toLowerCase() === label.toLowerCase()))
    await gateway.addLabels(pull, [label]);
  const author = args.author?.toLowerCase() ?? null;
  let logins = plan.reviewers.filter((login) => login.toLowerCase() !== author);
  let teams = plan.teams;
  if (state) {
    const reviewed = new Set((await gateway.listReviews(pull)).map((r) => r.login.toLowerCase()));
    const asked = new Set(state.requested.map((login) => login.toLowerCase()));
    const askedTeams = new Set(state.teams.map((team) => team.toLowerCase()));
    logins = logins.filter(
      (login) => !asked.has(login.toLowerCase()) && !reviewed.has(login.toLowerCase()),
    );
    teams = teams.filter((team) => !askedTeams.has(team.team.toLowerCase()));
  }
  await requestReview({
    gateway,
    pull,
    logins,
    teams,
    org: input.repository.split('/')[0] as string,
    log,
  });
}

/**
 * The incident's postmortem on the default branch, if one landed already: a merged draft whose
 * branch is gone, or one a person wrote. One listing; only files dated near the incident are read.
 */
async function findLanded(
  input: OpenInput,
  ref: string,
): Promise<{ path: string; url: string } | null> {
  const files = await input.gateway.listMarkdown(postmortemFolder(input.config), ref);
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

/** A repository with no commits (409 "Git Repository is empty."): no branch to open a PR from. */
class EmptyRepositoryError extends Error {
  constructor(repository: string, branch: string) {
    super(
      `${repository} has no commits yet, so there is no ${branch} branch to open the postmortem's pull request from.`,
    );
  }
}

function emptyRepositoryComment(input: OpenInput): string {
  return [
    EMPTY_REPOSITORY_MARKER,
    `Hindsight could not open a postmortem for this incident: ${input.repository} has no commits yet, so there is no \`${input.defaultBranch}\` branch to open a pull request from.`,
    '',
    `Push a first commit to \`${input.defaultBranch}\` (a README is enough), then remove and re-apply the incident label. Or set \`open: { as: issue }\` in \`.github/postmortem.yml\` to get the postmortem as an issue.`,
  ].join('\n');
}

function linkComment(number: number, kind: string, url: string, created: boolean): string {
  return [
    linkMarker(number),
    created
      ? `📝 A draft postmortem for this incident is open: ${url}`
      : `📝 This incident already has a postmortem ${kind}: ${url}`,
    '',
    'Fill it in while the details are fresh. The timeline, severity and owner were prefilled from this issue.',
  ].join('\n');
}
