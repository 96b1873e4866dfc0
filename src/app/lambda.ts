import type { ProbotOctokit } from 'probot';
import { createService, type Service } from './service.js';

/** The parts of an API Gateway (REST or HTTP API) or Lambda function URL event a webhook uses. */
export interface HttpEvent {
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A serverless handler on Probot 14 (`@probot/adapter-aws-lambda-serverless` is built on Probot
 * 13). One service per warm container, made on the first call. Without REDIS_URL the webhook is
 * handled before the answer (give the function a timeout over 10 s and know that GitHub stops
 * waiting at 10 s); with it, the webhook is queued and answered 202, and `worker` (run on a
 * schedule, or by the queue's own trigger) does the work.
 */
export function createLambdaHandlers(
  input: { env?: NodeJS.ProcessEnv; Octokit?: typeof ProbotOctokit } = {},
) {
  let service: Promise<Service> | null = null;
  const ready = () => {
    service ??= createService(input);
    return service;
  };
  return {
    async handler(event: HttpEvent): Promise<HttpResult> {
      const headers = Object.fromEntries(
        Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
      );
      const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
      try {
        const { status, message } = await (await ready()).accept(headers, body.toString('utf8'));
        return { statusCode: status, headers: { 'content-type': 'text/plain' }, body: message };
      } catch (error) {
        (await ready()).log.error(`Webhook failed: ${String((error as Error)?.message ?? error)}`);
        return { statusCode: 500, headers: { 'content-type': 'text/plain' }, body: 'failed' };
      }
    },
    /** Closes the Redis connections (tests; a function's container just stops). */
    async close(): Promise<void> {
      if (service) await (await service).close();
    },
    /** Drains the queue for up to `budgetMs` (keep it under the function's timeout). */
    async worker(event: { budgetMs?: number } = {}): Promise<{ handled: number }> {
      const until = Date.now() + (event.budgetMs ?? 60_000);
      const running = await ready();
      await running.state.queue?.recover();
      return { handled: await running.work(() => Date.now() >= until, 200) };
    },
  };
}
