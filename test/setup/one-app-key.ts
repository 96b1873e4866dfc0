import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { inject } from 'vitest';

// Every sandbox makes its app a fresh 2048-bit RSA key (src/sandbox/index.ts). Measured with
// --cpu-prof over the whole suite, that key generation was about a third of the tests' CPU time
// (45 s of 148 s on the 2-core machine): the suite starts a few hundred sandboxes. The run's
// sandboxes share one key instead (made once by app-key.global.ts), as they already share the app
// id and the webhook secret; what a test checks about the key (a JWT signed with it is taken,
// one signed otherwise is refused) does not depend on it being new. Only a call with the same
// arguments as the one that made it is answered with it; any other makes a key as before.
const generate = crypto.generateKeyPairSync;
const made = new Map<string, unknown>();
const shared = inject('sandboxAppKey');
made.set(JSON.stringify(shared.call), shared.pair);
crypto.generateKeyPairSync = ((...call: unknown[]) => {
  const key = JSON.stringify(call);
  if (!made.has(key)) made.set(key, (generate as (...args: unknown[]) => unknown)(...call));
  return made.get(key);
}) as typeof crypto.generateKeyPairSync;
// `import { generateKeyPairSync } from 'node:crypto'` (the sandbox's) sees this one too.
syncBuiltinESMExports();
