/**
 * Without WEBHOOK_SECRET, Probot verifies webhooks against the literal secret "development", so
 * anyone who can reach the server could forge deliveries (an incident label, a closed issue) and
 * make the app write as itself. The app therefore refuses to start without a real secret, unless
 * the person running it says this is a development machine with HINDSIGHT_DEV=1.
 */
export function webhookSecretProblem(env: NodeJS.ProcessEnv): string | null {
  if (env.HINDSIGHT_DEV === '1') return null;
  const secret = env.WEBHOOK_SECRET ?? '';
  if (secret.trim() === '')
    return 'WEBHOOK_SECRET is not set, so Probot would accept webhooks signed with "development" from anyone. Set WEBHOOK_SECRET to the secret in the app\'s settings, or HINDSIGHT_DEV=1 on a development machine.';
  if (secret === 'development')
    return 'WEBHOOK_SECRET is "development", the secret Probot falls back to and anyone can sign with. Set the secret from the app\'s settings, or HINDSIGHT_DEV=1 on a development machine.';
  return null;
}

/** Throws (so `probot run` exits before it listens) when the app would accept forged webhooks. */
export function requireWebhookSecret(env: NodeJS.ProcessEnv): void {
  const problem = webhookSecretProblem(env);
  if (problem) throw new Error(`Hindsight will not start: ${problem}`);
}
