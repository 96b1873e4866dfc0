/** A mistake in how a command was called: printed with the usage, exit 2. */
export class UsageError extends Error {}
