import { startsWithMarker, writtenBy, type Identity } from '../core/index.js';
import type { Gateway } from '../github/gateway.js';

/**
 * Keeps one comment on an issue or pull request: the one this account wrote that starts with
 * `marker` is edited when its text differs, or a comment is created when there is none. A comment
 * someone else wrote, marker or not, is never taken for ours.
 */
export async function upsertMarkedComment(input: {
  gateway: Gateway;
  issue: number;
  marker: string;
  /** The whole body, starting with the marker. */
  body: string;
  self: Identity;
}): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await input.gateway.findComment(
    input.issue,
    (comment) =>
      writtenBy(comment.author, input.self) && startsWithMarker(comment.body, input.marker),
  );
  if (!existing) {
    await input.gateway.createComment(input.issue, input.body);
    return 'created';
  }
  if (existing.body === input.body) return 'unchanged';
  await input.gateway.updateComment(existing.id, input.body);
  return 'updated';
}
