import { afterEach, describe, expect, test } from 'vitest';
import { lintPostmortem, loadConfig, parsePostmortem } from '../src/core/index.js';
import { loadTemplates } from '../src/files/templates.js';
import { startHarness, writes, type Harness } from './helpers/app-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const P = { owner: 'acme', repo: 'payments' };

/** Alice opens an incident, bob is assigned and comments; carol then applies the labels. */
async function incident(harness: Harness, title = 'Payments API: connection pool exhausted') {
  const alice = harness.as('alice');
  const { data: issue } = await alice.request('POST /repos/{owner}/{repo}/issues', {
    ...P,
    title,
    body: 'Checkout is failing',
  });
  await alice.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
    ...P,
    issue_number: issue.number,
    assignees: ['bob'],
  });
  await harness.as('bob').request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...P,
    issue_number: issue.number,
    body: 'Rolled back deploy 4121; errors falling.',
  });
  await harness.as('carol').request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...P,
    issue_number: issue.number,
    labels: ['sev1', 'incident'],
  });
  return issue.number as number;
}

async function fileOnBranch(harness: Harness, branch: string) {
  const pull = (await openPulls(harness)).find(
    (p: { head: { ref: string } }) => p.head.ref === branch,
  )!;
  const { data } = await harness
    .as('alice')
    .request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...P,
      pull_number: pull.number,
    });
  const path = data.find((f: { filename: string }) => f.filename.startsWith('postmortems/'))!
    .filename as string;
  const raw = await harness.as('alice').request('GET /repos/{owner}/{repo}/contents/{path}', {
    ...P,
    path,
    ref: branch,
    mediaType: { format: 'raw' },
  });
  return { path, text: String(raw.data) };
}

async function openPulls(harness: Harness) {
  return (
    await harness.as('alice').request('GET /repos/{owner}/{repo}/pulls', { ...P, state: 'all' })
  ).data;
}

describe('the app on issues.labeled', () => {
  test('an incident label opens a prefilled draft postmortem PR, labels it, asks the owner to review and links it', async () => {
    h = await startHarness();
    const number = await incident(h);
    // Bob fixes it: a commit and a pull request that mention the incident.
    const bob = h.as('bob');
    await bob.request('POST /repos/{owner}/{repo}/git/refs', {
      ...P,
      ref: 'refs/heads/rollback',
      sha: h.repo.refs.get('refs/heads/main')!,
    });
    const { data: put } = await bob.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: 'retry.json',
      branch: 'rollback',
      message: `Revert retry change, see #${number}`,
      content: Buffer.from('{}').toString('base64'),
    });
    const { data: fix } = await bob.request('POST /repos/{owner}/{repo}/pulls', {
      ...P,
      title: 'Roll back deploy 4121',
      head: 'rollback',
      base: 'main',
      body: `Mitigates #${number}`,
    });
    const before = h.sandbox.log.length;
    const delivery = await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    expect(delivery.status).toBe(200);

    // The branch, the file, the PR, its label and reviewers, the comment.
    const pulls = (await openPulls(h)).filter((p: { head: { ref: string } }) =>
      p.head.ref.startsWith('hindsight/'),
    );
    expect(pulls).toHaveLength(1);
    const pull = pulls[0]!;
    expect(pull).toMatchObject({
      title: 'Postmortem: Payments API: connection pool exhausted',
      draft: true,
      head: { ref: `hindsight/incident-${number}` },
      base: { ref: 'main' },
    });
    expect(pull.body).toContain(`Refs #${number}`);
    expect(pull.labels.map((l: { name: string }) => l.name)).toEqual(['postmortem']);
    expect(pull.requested_reviewers!.map((u: { login: string }) => u.login)).toEqual(['bob']);

    const { path, text } = await fileOnBranch(h, `hindsight/incident-${number}`);
    expect(path).toBe('postmortems/2026-11-20-payments-api-connection-pool-exhausted.md');
    const pm = parsePostmortem(path, text);
    expect(pm.frontMatter.errors).toEqual([]);
    const created = h.repo.issues.get(number)!.created_at;
    expect(pm.frontMatter.data).toMatchObject({
      title: 'Payments API: connection pool exhausted',
      incident: number,
      status: 'draft',
      severity: 'SEV1',
      date: '2026-11-20',
      owner: '@bob',
      started_at: created,
      due: '2026-11-24',
    });
    // The timeline: opened, assigned, bob's comment and the labels, in UTC order, with links.
    const url = `https://github.com/acme/payments/issues/${number}`;
    const eventId = (kind: string, label?: string) =>
      h!.repo.issues
        .get(number)!
        .events.find((e) => e.event === kind && (!label || e.label?.name === label))!.id;
    expect(pm.timeline.map((e) => e.event)).toEqual([
      `Incident issue #${number} opened ([link](${url}))`,
      `Assigned to @bob ([link](${url}#event-${eventId('assigned')}))`,
      `@bob: Rolled back deploy 4121; errors falling. ([link](${url}#issuecomment-${h.repo.issues.get(number)!.comments[0]!.id}))`,
      `Labeled "sev1" by @carol ([link](${url}#event-${eventId('labeled', 'sev1')}))`,
      `Labeled "incident" by @carol ([link](${url}#event-${eventId('labeled', 'incident')}))`,
      `Commit ${put.commit.sha!.slice(0, 7)} references the incident ([link](https://github.com/acme/payments/commit/${put.commit.sha}))`,
      `Pull request #${fix.number} references the incident: Roll back deploy 4121 ([link](https://github.com/acme/payments/pull/${fix.number}))`,
    ]);
    expect(pm.timeline.every((e) => e.zoned && e.dated)).toBe(true);

    const comments = h.repo.issues
      .get(number)!
      .comments.filter((c) => c.user.login === 'hindsight[bot]');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(
      `A draft postmortem for this incident is open: https://github.com/acme/payments/pull/${pull.number}`,
    );

    // The new draft validates: warnings only (a draft), each on a real line.
    const loaded = loadConfig('severityLabels: { sev1: SEV1 }\n');
    const lint = lintPostmortem({
      path,
      text,
      config: loaded.config,
      ruleOptions: loaded.ruleOptions,
      templates: await loadTemplates(),
      now: new Date('2026-11-20T16:00:00Z'),
    });
    expect(lint.findings.filter((f) => f.level === 'error')).toEqual([]);

    // The request log: each write once, and nothing else written.
    const made = h.sandbox.log
      .slice(before)
      .filter((e) => e.method !== 'GET')
      .map((e) => `${e.method} ${e.route}`);
    expect(made).toEqual([
      'POST /app/installations/{installation_id}/access_tokens',
      'POST /repos/{owner}/{repo}/git/refs',
      'PUT /repos/{owner}/{repo}/contents/{path}',
      'POST /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
      'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    ]);
  });

  test('a redelivery, the label removed and added again, and two labels at once never make a second branch, PR or comment', async () => {
    h = await startHarness();
    const number = await incident(h);
    const first = await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    const writesAfterFirst = writes(h.sandbox).length;

    // Redelivery keeps its X-GitHub-Delivery id.
    expect(
      (
        await h.send({
          name: 'issues',
          action: 'labeled',
          issue: number,
          label: 'incident',
          sender: 'carol',
          id: first.id,
        })
      ).status,
    ).toBe(200);
    // Label removed and added again.
    await h
      .as('carol')
      .request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
        ...P,
        issue_number: number,
        name: 'incident',
      });
    await h.as('carol').request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
      ...P,
      issue_number: number,
      labels: ['incident'],
    });
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    // Two deliveries at once.
    await Promise.all([
      h.send({
        name: 'issues',
        action: 'labeled',
        issue: number,
        label: 'incident',
        sender: 'carol',
      }),
      h.send({
        name: 'issues',
        action: 'labeled',
        issue: number,
        label: 'incident',
        sender: 'alice',
      }),
    ]);

    expect(await openPulls(h)).toHaveLength(1);
    expect(
      [...h.repo.refs.keys()].filter((ref) => ref.startsWith('refs/heads/hindsight/')),
    ).toEqual([`refs/heads/hindsight/incident-${number}`]);
    expect(
      h.repo.issues.get(number)!.comments.filter((c) => c.user.login === 'hindsight[bot]'),
    ).toHaveLength(1);
    // After the first delivery the app wrote nothing: no second branch, commit, PR, label or comment
    // (the label removal and re-adding are the test's own writes).
    expect(
      writes(h.sandbox)
        .slice(writesAfterFirst)
        .filter((w) => !w.includes('access_tokens')),
    ).toEqual([
      'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    ]);
  });

  test('two incidents labelled at the same time get one PR each', async () => {
    h = await startHarness();
    const [a, b] = [await incident(h, 'Search down'), await incident(h, 'Login slow')];
    await Promise.all([
      h.send({ name: 'issues', action: 'labeled', issue: a, label: 'incident', sender: 'carol' }),
      h.send({ name: 'issues', action: 'labeled', issue: b, label: 'incident', sender: 'carol' }),
    ]);
    expect((await openPulls(h)).map((p: { title: string }) => p.title).sort()).toEqual([
      'Postmortem: Login slow',
      'Postmortem: Search down',
    ]);
  });

  test('a label other than the incident label does nothing', async () => {
    h = await startHarness();
    const number = await incident(h);
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'sev1',
      sender: 'carol',
    });
    expect(
      writes(h.sandbox).filter((w) => w.includes('/pulls') || w.includes('/git/refs')),
    ).toEqual([]);
  });

  test('a wrong signature is rejected and nothing happens', async () => {
    h = await startHarness();
    const number = await incident(h);
    const before = h.sandbox.log.length;
    const delivery = await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
      secret: 'not-the-secret',
    });
    expect(delivery.status).toBe(400);
    // Only the harness's own reads to build the payload; the app made no request.
    expect(h.sandbox.log.slice(before).filter((e) => e.caller !== 'user')).toEqual([]);
  });

  test.each([
    ['empty', ''],
    ['10 KB', 'Outage '.repeat(1500)],
    [
      'quotes, ---, backticks, mentions, ../ and emoji',
      '"quoted" \'single\' ---\n`code` @acme/sre @everyone ../../etc/passwd 🔥🎉 | # title',
    ],
  ])(
    'a hostile title (%s) gives a valid file, a safe name and no mentions',
    async (_label, title) => {
      h = await startHarness();
      const alice = h.as('alice');
      const { data: issue } = await alice.request('POST /repos/{owner}/{repo}/issues', {
        ...P,
        title: title && title.length <= 256 ? title : 'x',
        body: '',
      });
      // GitHub refuses a title over 256 characters: an empty or longer one is set on the state.
      if (title === '' || title.length > 256) h.repo.issues.get(issue.number)!.title = title;
      await alice.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...P,
        issue_number: issue.number,
        labels: ['incident'],
      });
      expect(
        (
          await h.send({
            name: 'issues',
            action: 'labeled',
            issue: issue.number,
            label: 'incident',
            sender: 'alice',
          })
        ).status,
      ).toBe(200);

      const [pull] = await openPulls(h);
      const { path, text } = await fileOnBranch(h, `hindsight/incident-${issue.number}`);
      expect(path).toMatch(/^postmortems\/2026-11-20-[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      expect(path.length).toBeLessThan(100);
      const pm = parsePostmortem(path, text);
      expect(pm.frontMatter.errors).toEqual([]);
      expect(pm.frontMatter.data.title).toBe(
        title.replace(/\n/g, ' ').trim() || `Incident #${issue.number}`,
      );
      expect(pm.sections.filter((s) => s.level === 1)).toHaveLength(1);
      for (const body of [
        pull!.title,
        pull!.body,
        ...h.repo.issues.get(issue.number)!.comments.map((c) => c.body),
      ]) {
        expect(body).not.toMatch(/(^|[^\w\u2060])@(acme|everyone)/);
      }
      expect(pull!.title.length).toBeLessThanOrEqual(220);
    },
  );

  test('a broken config gives one clear comment on the incident, not a crash or silence', async () => {
    h = await startHarness({ config: 'directory: postmortems\nopen:\n  as: discussion\n' });
    const number = await incident(h);
    expect(
      (
        await h.send({
          name: 'issues',
          action: 'labeled',
          issue: number,
          label: 'incident',
          sender: 'carol',
        })
      ).status,
    ).toBe(200);
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    const comments = h.repo.issues
      .get(number)!
      .comments.filter((c) => c.user.login === 'hindsight[bot]');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(
      '- `.github/postmortem.yml:3:3: open.as: must be one of "pull-request", "issue"`',
    );
    expect(await openPulls(h)).toHaveLength(0);
  });

  test('open.as: issue opens a postmortem issue from the template instead, once', async () => {
    h = await startHarness({ config: 'open: { as: issue }\n' });
    const number = await incident(h);
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    const postmortems = [...h.repo.issues.values()].filter((i) => i.labels.includes('postmortem'));
    expect(postmortems).toHaveLength(1);
    expect(postmortems[0]!.title).toBe('Postmortem: Payments API: connection pool exhausted');
    expect(postmortems[0]!.body).toContain('## Root cause');
    expect(await openPulls(h)).toHaveLength(0);
    expect(
      h.repo.issues.get(number)!.comments.filter((c) => c.user.login === 'hindsight[bot]'),
    ).toHaveLength(1);
  });

  test('an existing postmortem PR for the incident is linked instead', async () => {
    h = await startHarness();
    const number = await incident(h);
    // A person already opened the postmortem branch and PR by hand.
    const alice = h.as('alice');
    const main = h.repo.refs.get('refs/heads/main')!;
    await alice.request('POST /repos/{owner}/{repo}/git/refs', {
      ...P,
      ref: `refs/heads/hindsight/incident-${number}`,
      sha: main,
    });
    await alice.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: 'postmortems/2026-11-20-by-hand.md',
      branch: `hindsight/incident-${number}`,
      message: 'mine',
      content: Buffer.from('---\ntitle: mine\n---\n').toString('base64'),
    });
    const { data: mine } = await alice.request('POST /repos/{owner}/{repo}/pulls', {
      ...P,
      title: 'My postmortem',
      head: `hindsight/incident-${number}`,
      base: 'main',
      body: '',
    });
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    expect((await openPulls(h)).map((p: { number: number }) => p.number)).toEqual([mine.number]);
    const comment = h.repo.issues
      .get(number)!
      .comments.find((c) => c.user.login === 'hindsight[bot]')!;
    expect(comment.body).toContain(
      `This incident already has a postmortem pull request: https://github.com/acme/payments/pull/${mine.number}`,
    );
  });

  test.each([
    [
      'people and a team of the organisation are asked; other teams and strangers are not',
      '["@carol", "@acme/sre", "@other/ops", "@stranger"]',
      ['bob', 'carol'],
      ['sre'],
    ],
    [
      'an unknown team does not stop the people being asked',
      '["@carol", "@acme/ghosts"]',
      ['bob', 'carol'],
      [],
    ],
  ])('open.reviewers: %s', async (_name, list, people, teams) => {
    h = await startHarness({ config: `open: { reviewers: ${list} }\n` });
    h.sandbox.state.teams.set('acme/sre', { org: 'acme', slug: 'sre', members: ['carol'] });
    const number = await incident(h);
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    const [pull] = await openPulls(h);
    expect(pull!.requested_reviewers!.map((u: { login: string }) => u.login)).toEqual(people);
    expect(pull!.requested_teams!.map((t: { slug: string }) => t.slug)).toEqual(teams);
    const { path, text } = await fileOnBranch(h, `hindsight/incident-${number}`);
    expect(parsePostmortem(path, text).frontMatter.data.reviewers).toEqual(JSON.parse(list));
  });

  test('two incidents of the same title on the same day: the second postmortem takes the next free name, never an empty PR', async () => {
    h = await startHarness();
    const label = (issue: number) =>
      h!.send({ name: 'issues', action: 'labeled', issue, label: 'incident', sender: 'carol' });
    const first = await incident(h, 'Checkout down');
    await label(first);
    const [pull] = await openPulls(h);
    const landed = (await fileOnBranch(h, `hindsight/incident-${first}`)).path;
    await h.as('alice').request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
      ...P,
      pull_number: pull!.number,
    });

    const second = await incident(h, 'Checkout down');
    await label(second);
    const { path, text } = await fileOnBranch(h, `hindsight/incident-${second}`);
    expect(path).toBe(landed.replace(/\.md$/, '-2.md'));
    expect(parsePostmortem(path, text).frontMatter.data.incident).toBe(second);
    expect(
      h.repo.issues.get(second)!.comments.filter((c) => c.user.login === 'hindsight[bot]'),
    ).toHaveLength(1);
    // A redelivery finds the file it wrote and adds nothing.
    const before = writes(h.sandbox).length;
    await label(second);
    expect(writes(h.sandbox).length).toBe(before);
  });

  test('a postmortem that already landed (merged, its branch deleted) is linked, never opened again', async () => {
    h = await startHarness();
    const number = await incident(h);
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    const [pull] = await openPulls(h);
    const alice = h.as('alice');
    await alice.request('PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge', {
      ...P,
      pull_number: pull!.number,
    });
    // Re-opening from the merged branch would be "No commits between": GitHub refuses it, so does the sandbox.
    await expect(
      alice.request('POST /repos/{owner}/{repo}/pulls', {
        ...P,
        title: 'again',
        head: `hindsight/incident-${number}`,
        base: 'main',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await alice.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
      ...P,
      ref: `heads/hindsight/incident-${number}`,
    });
    const before = writes(h.sandbox).length;

    // Weeks later the label comes off and goes on again; a webhook is also redelivered.
    await h
      .as('carol')
      .request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
        ...P,
        issue_number: number,
        name: 'incident',
      });
    await h.as('carol').request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
      ...P,
      issue_number: number,
      labels: ['incident'],
    });
    expect(
      (
        await h.send({
          name: 'issues',
          action: 'labeled',
          issue: number,
          label: 'incident',
          sender: 'carol',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await h.send({
          name: 'issues',
          action: 'labeled',
          issue: number,
          label: 'incident',
          sender: 'carol',
        })
      ).status,
    ).toBe(200);

    expect((await openPulls(h)).map((p: { number: number }) => p.number)).toEqual([pull!.number]);
    expect(
      [...h.repo.refs.keys()].filter((ref) => ref.startsWith('refs/heads/hindsight/')),
    ).toEqual([]);
    expect(
      h.repo.issues.get(number)!.comments.filter((c) => c.user.login === 'hindsight[bot]'),
    ).toHaveLength(1);
    expect(
      writes(h.sandbox)
        .slice(before)
        .filter((w) => !w.includes('access_tokens')),
    ).toEqual([
      'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    ]);
  });

  test('a postmortem a person already merged for the incident is linked; one for another incident the same day is not', async () => {
    const other = '---\ntitle: Search down\nincident: 999\ndate: 2026-11-20\n---\n';
    const ours = (number: number) =>
      `---\ntitle: Pool exhausted\nincident: "acme/payments#${number}"\ndate: 2026-11-19\n---\n## Summary\n\nWritten by hand.\n`;
    h = await startHarness({ files: { 'postmortems/2026-11-20-search-down.md': other } });
    // Issues #1 and #2 exist first, so the hand-written postmortem can name the incident's number.
    const number = await incident(h);
    await h.as('alice').request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: 'postmortems/2026-11-19-pool-exhausted.md',
      message: 'Postmortem, by hand',
      content: Buffer.from(ours(number)).toString('base64'),
    });
    const before = writes(h.sandbox).length;
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });

    expect(await openPulls(h)).toHaveLength(0);
    expect(
      writes(h.sandbox)
        .slice(before)
        .filter((w) => !w.includes('access_tokens')),
    ).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']);
    const comment = h.repo.issues
      .get(number)!
      .comments.find((c) => c.user.login === 'hindsight[bot]')!;
    expect(comment.body).toContain(
      'This incident already has a postmortem file: https://github.com/acme/payments/blob/main/postmortems/2026-11-19-pool-exhausted.md',
    );
  });

  test('labelling through the API makes the sandbox deliver the webhook, and the app reacts', async () => {
    h = await startHarness();
    h.sandbox.setWebhook(h.appUrl);
    await incident(h);
    await h.sandbox.settled();
    expect(await openPulls(h)).toHaveLength(1);
    expect(
      h.sandbox.deliveries
        .filter((d) => d.name === 'issues' && d.action === 'labeled')
        .map((d) => d.status),
    ).toEqual([200, 200]);
  });
});

describe('the app on issues.closed', () => {
  test('closing the incident fills resolved_at once, keeping every other byte, and never overwrites a person', async () => {
    h = await startHarness();
    const number = await incident(h);
    await h.send({
      name: 'issues',
      action: 'labeled',
      issue: number,
      label: 'incident',
      sender: 'carol',
    });
    const branch = `hindsight/incident-${number}`;
    const before = await fileOnBranch(h, branch);
    await h.as('bob').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: number,
      state: 'closed',
    });
    const closedAt = h.repo.issues.get(number)!.closed_at!;
    expect(
      (await h.send({ name: 'issues', action: 'closed', issue: number, sender: 'bob' })).status,
    ).toBe(200);
    const after = await fileOnBranch(h, branch);
    expect(after.text).toBe(before.text.replace('resolved_at:\n', `resolved_at: ${closedAt}\n`));

    // A person corrects it; a later close does not overwrite their value.
    const file = await h.as('alice').request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: after.path,
      ref: branch,
    });
    const corrected = after.text.replace(
      `resolved_at: ${closedAt}`,
      'resolved_at: 2026-11-20T15:00:00Z',
    );
    await h.as('alice').request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...P,
      path: after.path,
      branch,
      message: 'fix',
      sha: (file.data as { sha: string }).sha,
      content: Buffer.from(corrected).toString('base64'),
    });
    await h.send({ name: 'issues', action: 'closed', issue: number, sender: 'bob' });
    expect((await fileOnBranch(h, branch)).text).toBe(corrected);
  });
});

describe('hostile titles and planted markers', () => {
  const label = (harness: Harness, issue: number, id?: string) =>
    harness.send({
      name: 'issues',
      action: 'labeled',
      issue,
      label: 'incident',
      sender: 'carol',
      ...(id ? { id } : {}),
    });
  const appComments = (harness: Harness, issue: number) =>
    harness.repo.issues.get(issue)!.comments.filter((c) => c.user.login === 'hindsight[bot]');

  test('open.as: issue: a title carrying another incident’s marker, or a planted postmortem issue, takes nothing over', async () => {
    h = await startHarness({ config: 'open: { as: issue }\n' });
    const second = await incident(h, 'Second');
    const first = await incident(h, `First <!-- hindsight:incident ${second} -->`);
    // Mallory also opens a "postmortem issue" of her own for the second incident.
    await h.as('mallory').request('POST /repos/{owner}/{repo}/issues', {
      ...P,
      title: 'Postmortem: Second',
      body: `Nothing to see.\n\n<!-- hindsight:incident ${second} -->`,
      labels: ['postmortem'],
    });
    await label(h, first);
    await label(h, second);

    const ours = [...h.repo.issues.values()].filter(
      (i) => i.labels.includes('postmortem') && i.user.login === 'hindsight[bot]',
    );
    expect(ours.map((i) => i.title)).toEqual([
      `Postmortem: First <\u2060!-- hindsight:incident ${second} -->`,
      'Postmortem: Second',
    ]);
    // The first incident's issue holds exactly one marker: its own, on its last line.
    const firstBody = ours[0]!.body ?? '';
    expect(firstBody.match(/<!-- hindsight:/g)).toHaveLength(1);
    expect(firstBody.trimEnd().endsWith(`<!-- hindsight:incident ${first} -->`)).toBe(true);
    // The timeline's mentions notify nobody; the front matter keeps the owner as written.
    expect(ours[1]!.body).toContain('owner: "@bob"');
    expect(ours[1]!.body).toContain('@\u2060bob: Rolled back deploy 4121');
    expect(ours[1]!.body).not.toMatch(/\| .*@[a-z]/);
    // Each incident links its own postmortem issue.
    expect(appComments(h, second)).toHaveLength(1);
    expect(appComments(h, second)[0]!.body).toContain(`/issues/${ours[1]!.number}`);
    expect(appComments(h, first)[0]!.body).toContain(`/issues/${ours[0]!.number}`);
  });

  test('a link marker a person comments on the incident does not stop the app from opening and linking', async () => {
    h = await startHarness();
    const number = await incident(h);
    await h.as('mallory').request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...P,
      issue_number: number,
      body: `<!-- hindsight:postmortem-link ${number} -->\nalready handled, nothing to do`,
    });
    await label(h, number);
    expect(await openPulls(h)).toHaveLength(1);
    expect(appComments(h, number)).toHaveLength(1);
    expect(appComments(h, number)[0]!.body).toContain(
      'A draft postmortem for this incident is open',
    );
  });

  test('links, images, HTML, bidi and control characters in a title arrive inert in the PR, its body and the file', async () => {
    h = await startHarness();
    const title =
      'Outage [link](https://evil.example) ![](https://evil.example/x.png) <details open> \u202Egnp.exe\u0000 @acme/everyone';
    const number = await incident(h, title);
    await label(h, number);
    const pull = (await openPulls(h))[0]!;
    expect(pull.title).toBe(
      'Postmortem: Outage [link](https://evil.example) ![](https://evil.example/x.png) <details open> gnp.exe @\u2060acme/everyone',
    );
    expect(pull.body).toContain(
      'Postmortem for Outage \\[link\\](https://evil.example) !\\[\\](https://evil.example/x.png) \\<details open\\> gnp.exe @\u2060acme/everyone, drafted',
    );
    const { path, text } = await fileOnBranch(h, `hindsight/incident-${number}`);
    expect(path).toMatch(/^postmortems\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
    for (const written of [pull.title, pull.body, path, text])
      expect(written).not.toMatch(/[\u0000\u202E]/);
    // In what renders as Markdown (the PR body, the file below its front matter), no live HTML,
    // link or image: each is backslash-escaped.
    const markdown = `${pull.body}\n${text.slice(text.indexOf('\n---', 4) + 4)}`;
    const live = /(?<!\\)<details|(?<!\\)\]\(https:\/\/evil/.exec(markdown);
    expect(live && markdown.slice(live.index - 80, live.index + 40)).toBeNull();
    expect(markdown).toContain('\\<details open\\>');
    expect(parsePostmortem(path, text).frontMatter.data.title).toBe(
      'Outage [link](https://evil.example) ![](https://evil.example/x.png) <details open> gnp.exe @acme/everyone',
    );
  });
  test('open.as: issue: a hostile title is inert in the issue body too (its front matter renders as Markdown there)', async () => {
    h = await startHarness({ config: 'open: { as: issue }\n' });
    const title =
      'Outage [link](https://evil.example) ![](https://evil.example/x.png) <details open> \u202E@acme/everyone';
    const number = await incident(h, title);
    await label(h, number);
    const issue = [...h.repo.issues.values()].find(
      (i) => i.labels.includes('postmortem') && i.user.login === 'hindsight[bot]',
    )!;
    const body = issue.body ?? '';
    // GitHub renders an issue body's front matter as Markdown: no live link, image, HTML or team
    // mention may come from the title there.
    expect(body).not.toMatch(/(?<!\\)\]\(https:\/\/evil|(?<!\\)<details|@acme\/everyone|\u202E/);
    // The front matter still reads back as the incident's title (bidi control removed).
    const start = body.indexOf('---\n');
    const frontMatter = body.slice(start, body.indexOf('\n---\n', start) + 5);
    expect(parsePostmortem('x.md', `${frontMatter}\n`).frontMatter.data.title).toBe(
      'Outage [link](https://evil.example) ![](https://evil.example/x.png) <details open> @acme/everyone',
    );
  });
});

describe('a delivery cut short is completed by the next', () => {
  const label = (harness: Harness, issue: number) =>
    harness.send({ name: 'issues', action: 'labeled', issue, label: 'incident', sender: 'carol' });

  async function expectComplete(harness: Harness, number: number) {
    const pulls = (await openPulls(harness)).filter((p: { head: { ref: string } }) =>
      p.head.ref.startsWith('hindsight/'),
    );
    expect(pulls).toHaveLength(1);
    const pull = pulls[0]!;
    expect(pull.labels.map((l: { name: string }) => l.name)).toEqual(['postmortem']);
    expect(pull.requested_reviewers!.map((u: { login: string }) => u.login)).toEqual(['bob']);
    const { data: files } = await harness
      .as('alice')
      .request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        ...P,
        pull_number: pull.number,
      });
    expect(files.map((f: { filename: string }) => f.filename)).toHaveLength(1);
    const comments = harness.repo.issues
      .get(number)!
      .comments.filter((c) => c.user.login === 'hindsight[bot]');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(
      `A draft postmortem for this incident is open: ${pull.html_url}`,
    );
    return { pull, files };
  }

  test.each([
    ['labelling the PR', 'POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
    [
      'requesting reviewers',
      'POST',
      '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    ],
    ['committing the file', 'PUT', '/repos/{owner}/{repo}/contents/{path}'],
    ['opening the PR', 'POST', '/repos/{owner}/{repo}/pulls'],
    ['commenting on the incident', 'POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ])(
    'a 500 on %s, then a redelivery: one PR, one file, its label and reviewers, one comment',
    async (_name, method, route) => {
      h = await startHarness({ retries: false });
      const number = await incident(h);
      h.sandbox.failNext({ method, route, status: 500 });
      expect((await label(h, number)).status).toBe(500);
      expect((await label(h, number)).status).toBe(200);
      await expectComplete(h, number);
      // A third delivery finds everything done and writes nothing.
      const before = writes(h.sandbox).filter((w) => !w.includes('access_tokens')).length;
      expect((await label(h, number)).status).toBe(200);
      expect(writes(h.sandbox).filter((w) => !w.includes('access_tokens'))).toHaveLength(before);
    },
  );

  test('the incident renamed between a cut-short delivery and the next: the file already on the branch is kept, never a second', async () => {
    h = await startHarness({ retries: false });
    const number = await incident(h, 'Checkout down');
    h.sandbox.failNext({ method: 'POST', route: '/repos/{owner}/{repo}/pulls', status: 500 });
    expect((await label(h, number)).status).toBe(500);
    await h.as('alice').request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...P,
      issue_number: number,
      title: 'Checkout down: expired TLS certificate',
    });
    expect((await label(h, number)).status).toBe(200);
    const { files } = await expectComplete(h, number);
    expect(files[0]!.filename).toMatch(/-checkout-down\.md$/);
  });
});
