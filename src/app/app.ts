import type { Probot } from 'probot';
import { createHandlerKit, type AppDeps } from './handler-kit.js';
import { onActionItemChanged } from './on-action-item-changed.js';
import { onIncidentLabeled } from './on-incident-labeled.js';
import { onIssueClosed } from './on-issue-closed.js';
import { onPullRequest } from './on-pull-request.js';
import { onPush } from './on-push.js';

/**
 * The Hindsight GitHub App: wiring only. Each handler lives in its own file and calls one flow;
 * nothing here knows whether it runs under `probot run` or inside an Actions workflow.
 */
export function hindsightApp(deps: AppDeps) {
  const kit = createHandlerKit(deps);
  return (app: Probot) => {
    onIncidentLabeled(app, kit);
    onPush(app, kit);
    onPullRequest(app, kit);
    onActionItemChanged(app, kit);
    onIssueClosed(app, kit);
  };
}
