import { createLambdaHandlers } from './lambda.js';

/** `dist/lambda.js`: `handler` for the webhook URL, `worker` for the queue (docs/deploy.md). */
export const { handler, worker } = createLambdaHandlers();
