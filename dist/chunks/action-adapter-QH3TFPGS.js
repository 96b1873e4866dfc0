import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  getInput,
  setFailed
} from "./chunk-M7I2WWZG.js";
import {
  HindsightOctokit,
  Probot
} from "./chunk-I5YZBJQX.js";
import "./chunk-HIBOO6RK.js";
import {
  hindsightApp
} from "./chunk-CJ6MHO7U.js";
import "./chunk-V2IIR6YJ.js";
import "./chunk-UZSLUWVL.js";
import {
  loadTemplates
} from "./chunk-JUURBIXP.js";

// src/app/action-adapter.ts
import { readFile } from "node:fs/promises";
async function runAppInAction(env = process.env) {
  try {
    const token = getInput("token") || env.GITHUB_TOKEN;
    if (!token)
      throw new Error(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, quoted for the user.
        "No token: pass `token: ${{ github.token }}` (the default) or set GITHUB_TOKEN."
      );
    if (!env.GITHUB_EVENT_PATH || !env.GITHUB_EVENT_NAME)
      throw new Error(
        "GITHUB_EVENT_PATH and GITHUB_EVENT_NAME are not set: this runs inside a workflow."
      );
    const probot = new Probot({
      githubToken: token,
      baseUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      logLevel: "info",
      Octokit: HindsightOctokit
    });
    await probot.load(hindsightApp({ templates: () => loadTemplates() }));
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8"));
    await probot.receive({
      id: env.GITHUB_RUN_ID ?? "local",
      name: env.GITHUB_EVENT_NAME,
      payload
    });
  } catch (error) {
    setFailed(error instanceof Error ? error.message : String(error));
  }
}
export {
  runAppInAction
};
