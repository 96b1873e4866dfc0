/** Importing postmortems of other shapes into format v1. */
export { importPostmortem, type ImportInput, type ImportResult } from './import-postmortem.js';
export { firstDate } from './infer-front-matter.js';
