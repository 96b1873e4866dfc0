import { parseFaults, startSandbox } from '../sandbox/index.js';
import { seedDemo } from '../sandbox/seed.js';
import { examplesDir } from '../files/templates.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';

/** `hindsight sandbox`: a local GitHub API with a seeded demo repository, until interrupted. */
export async function sandboxCommand(
  options: { port?: string; faults?: string },
  context: CliContext,
): Promise<number> {
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number, not "${options.port}".`);
  let faults: ReturnType<typeof parseFaults> | undefined;
  try {
    faults = options.faults === undefined ? undefined : parseFaults(options.faults);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const sandbox = await startSandbox({ port, ...(faults ? { faults } : {}) });
  seedDemo(sandbox, examplesDir());
  const token = sandbox.userToken('alice');
  context.stdout(
    [
      `Sandbox GitHub API: ${sandbox.url}`,
      'Repository:         acme/payments (default branch main; collaborators alice, bob, carol; team acme/sre)',
      `Token for @alice:   ${token}`,
      `Try:                curl -H "authorization: token ${token}" ${sandbox.url}/repos/acme/payments`,
      `Lint through it:    GITHUB_API_URL=${sandbox.url} (the Action) or baseUrl: "${sandbox.url}" (Octokit)`,
      ...(faults
        ? [
            `Faults:             ${Math.round(faults.rate * 1000) / 10}% of ${faults.routes.length ? faults.routes.join(', ') : 'all requests'} fail (${faults.kinds.join(', ')}; seed ${faults.seed})`,
          ]
        : []),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sandbox.close();
  return 0;
}
