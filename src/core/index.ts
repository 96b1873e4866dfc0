/** The pure core: text and config in, findings, documents and edits out. No I/O. */
export { configSchema, DEFAULT_CONFIG, type Config } from './config-schema.js';
export {
  applyEdits,
  cellText,
  EditError,
  setCellEdit,
  setFieldEdit,
  yamlScalar,
  type Edit,
} from './edit.js';
export { lintPostmortem, levelFor, type LintInput, type LintResult } from './lint.js';
export {
  formatConfigError,
  loadConfig,
  validateConfig,
  type ConfigError,
  type LoadedConfig,
} from './load-config.js';
export { computeMetrics, formatMinutes } from './metrics.js';
export {
  CONFIG_PATH,
  isIndexReadme,
  isPostmortemPath,
  postmortemFolder,
} from './postmortem-paths.js';
export { findSection, parsePostmortem } from './parse-postmortem.js';
export {
  isFinished,
  missingApprovals,
  reviewDueDate,
  RULE_IDS,
  RULES,
  type Review,
  type Rule,
} from './rules/index.js';
export { SECTION_NAMES, sectionKey } from './sections.js';
export {
  escapeInline,
  parseTemplate,
  PLACEHOLDERS,
  renderTemplate,
  TemplateError,
  type Template,
  type TemplateValues,
  type TimelineRow,
} from './template.js';
export * from './types.js';
export { isPostmortemOf, postmortemCandidates } from './existing-postmortem.js';
export { newPostmortemPath, slugify, withTemplate } from './new-postmortem.js';
export * from './inert.js';
export * from './markers.js';
export {
  planPostmortem,
  severityFrom,
  utcMinute,
  type IncidentEvent,
  type IncidentFacts,
  type PostmortemPlan,
} from './plan-postmortem.js';
export {
  planSync,
  statusOf,
  writeBack,
  type IssueHome,
  type SyncPlan,
  type TrackedIssue,
} from './sync-plan.js';
export {
  planReviewReminder,
  reviewReminderMarker,
  type ReviewReminder,
} from './review-reminder.js';
export { importPostmortem, type ImportInput, type ImportResult } from './import/index.js';
