import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export { freePort };

export interface RedisServer {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

/**
 * A real `redis-server` (Debian's package; `.ci/run` installs it) on a random loopback port, with
 * nothing written to disk. A missing binary fails the test: it is not skipped.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new Error(`redis-server did not start (apt-get install redis-server): ${error}`)),
    );
  });
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  // Refused connections while the server starts are expected; each attempt reports its own.
  client.on('error', () => {});
  for (let n = 0; ; n++) {
    const ok = await Promise.race([
      client.connect().then(
        () => true,
        () => false,
      ),
      failed,
    ]);
    if (ok) break;
    if (n > 100) throw new Error(`redis-server did not answer on ${url}`);
    client.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      child.kill('SIGKILL');
      await new Promise((resolve) =>
        child.exitCode === null ? child.once('exit', resolve) : resolve(null),
      );
    },
  };
}

/** Resolves once the app's Redis queue is empty and nothing is being worked on. */
export async function queueDrained(client: Redis, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < until) {
    const [queued, working] = await Promise.all([
      client.llen('hindsight:queue'),
      client.llen('hindsight:queue:working'),
    ]);
    quiet = queued + working === 0 ? quiet + 1 : 0;
    // Twice in a row, so an event taken between the two reads is not missed.
    if (quiet >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the queue did not drain');
}
