import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  startsWithMarker,
  writtenBy
} from "./chunk-K5AHS4EK.js";

// src/flows/upsert-marked-comment.ts
async function upsertMarkedComment(input) {
  const existing = await input.gateway.findComment(
    input.issue,
    (comment) => writtenBy(comment.author, input.self) && startsWithMarker(comment.body, input.marker)
  );
  if (!existing) {
    await input.gateway.createComment(input.issue, input.body);
    return "created";
  }
  if (existing.body === input.body) return "unchanged";
  await input.gateway.updateComment(existing.id, input.body);
  return "updated";
}

export {
  upsertMarkedComment
};
