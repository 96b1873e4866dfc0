import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/app/webhook-secret.ts
function webhookSecretProblem(env) {
  if (env.HINDSIGHT_DEV === "1") return null;
  const secret = env.WEBHOOK_SECRET ?? "";
  if (secret.trim() === "")
    return `WEBHOOK_SECRET is not set, so Probot would accept webhooks signed with "development" from anyone. Set WEBHOOK_SECRET to the secret in the app's settings, or HINDSIGHT_DEV=1 on a development machine.`;
  if (secret === "development")
    return `WEBHOOK_SECRET is "development", the secret Probot falls back to and anyone can sign with. Set the secret from the app's settings, or HINDSIGHT_DEV=1 on a development machine.`;
  return null;
}
function requireWebhookSecret(env) {
  const problem = webhookSecretProblem(env);
  if (problem) throw new Error(`Hindsight will not start: ${problem}`);
}

export {
  requireWebhookSecret
};
