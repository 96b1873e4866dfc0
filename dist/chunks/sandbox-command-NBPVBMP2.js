import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UsageError
} from "./chunk-6HZON45K.js";
import {
  seedDemo,
  startSandbox
} from "./chunk-ZNFVCWGS.js";
import {
  examplesDir
} from "./chunk-2IBW4COC.js";

// src/cli/sandbox-command.ts
async function sandboxCommand(options, context) {
  const port = options.port === void 0 ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port takes a port number, not "${options.port}".`);
  const sandbox = await startSandbox({ port });
  seedDemo(sandbox, examplesDir());
  const token = sandbox.userToken("alice");
  context.stdout(
    [
      `Sandbox GitHub API: ${sandbox.url}`,
      "Repository:         acme/payments (default branch main; collaborators alice, bob, carol; team acme/sre)",
      `Token for @alice:   ${token}`,
      `Try:                curl -H "authorization: token ${token}" ${sandbox.url}/repos/acme/payments`,
      `Lint through it:    GITHUB_API_URL=${sandbox.url} (the Action) or baseUrl: "${sandbox.url}" (Octokit)`,
      "Press Ctrl-C to stop.",
      ""
    ].join("\n")
  );
  await new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sandbox.close();
  return 0;
}
export {
  sandboxCommand
};
