/** The knowledge base: an index of postmortems and the insights across them. Pure. */
export {
  buildIndex,
  NO_SEVERITY,
  quarterOf,
  severityOrder,
  type Count,
  type Durations,
  type IndexRow,
  type IndexStats,
  type KnowledgeIndex,
} from './build-index.js';
export { indexEntry, keywords, type IndexEntry, type ItemCounts } from './index-entry.js';
export { INDEX_END, INDEX_START, IndexRegionError, placeIndex } from './index-region.js';
export { markdownText, relativeLink } from './markdown-text.js';
export { mermaidText, pieChart, xyChart } from './mermaid.js';
export { REPEAT_WINDOW_DAYS, repeatIncidents, type RepeatIncident } from './repeat-incidents.js';
export { CHART_MONTHS, CHART_QUARTERS, renderIndex } from './render-index.js';
export { percentile, spread, type Spread } from './statistics.js';
export { defaultIndexFile, generateIndex, isIndexed } from './generate-index.js';
