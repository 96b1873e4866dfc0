import { generateKeyPairSync } from 'node:crypto';
import type { TestProject } from 'vitest/node';

/** The arguments src/sandbox/index.ts makes its app key with. */
const CALL = [
  'rsa',
  {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  },
] as const;

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxAppKey: { call: unknown[]; pair: { publicKey: string; privateKey: string } };
  }
}

/** One app key for the whole run, handed to every test file (see one-app-key.ts). */
export function setup(project: TestProject): void {
  project.provide('sandboxAppKey', { call: [...CALL], pair: generateKeyPairSync(...CALL) });
}
