import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/usage-error.ts
var UsageError = class extends Error {
};

export {
  UsageError
};
