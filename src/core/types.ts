import type { Unread } from './limits.js';

/** A place in a postmortem: 1-based line and column, as editors and GitHub annotations count them. */
export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A half-open byte range [start, end) into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type Status = 'draft' | 'in-review' | 'published' | 'closed';
export const STATUSES: readonly Status[] = ['draft', 'in-review', 'published', 'closed'];

export type Level = 'off' | 'warn' | 'error';

/** One front-matter field with where its key and value sit in the source. */
export interface Field {
  key: string;
  value: unknown;
  position: Position;
}

export interface FrontMatter {
  /** Whether the document starts with a `---` block at all. */
  present: boolean;
  data: Record<string, unknown>;
  fields: Map<string, Field>;
  /** 1-based lines of the opening and closing `---`. */
  startLine: number;
  endLine: number;
  /** Byte offset where the YAML body starts and ends (exclusive), for edits. */
  bodySpan: Span;
  /** A YAML syntax or shape problem, located. */
  errors: { message: string; position: Position }[];
}

/** Canonical section keys; headings map to them by alias. */
export type SectionKey =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-cause'
  | 'contributing-factors'
  | 'detection-response'
  | 'action-items'
  | 'lessons-learned'
  | 'went-well'
  | 'went-wrong'
  | 'got-lucky'
  | 'supporting-data';

export interface Section {
  heading: string;
  /** Canonical key, or null for a heading no alias or keyword knows. */
  key: SectionKey | null;
  /** Whether the key came from keywords in a longer heading rather than an exact alias. */
  byKeyword?: boolean;
  level: number;
  position: Position;
  /** Lines of the body (after the heading line, up to the next heading of the same or higher level). */
  bodyStartLine: number;
  bodyEndLine: number;
  /** Body text without sub-headings' own lines stripped; trimmed. */
  text: string;
  /** True when the body holds nothing but whitespace and HTML comments. */
  empty: boolean;
  children: Section[];
}

export interface TimelineEntry {
  /** The time as written. */
  raw: string;
  /** Parsed instant in ms since epoch, or null when the date or zone cannot be known. */
  instant: number | null;
  /** Whether a date is known for it (its own, an earlier entry's, or the front matter's). */
  dated: boolean;
  /** Whether the time carries a zone (itself, or through a declared header). */
  zoned: boolean;
  /**
   * When the entry writes its own zone under a heading or line that declares another: the
   * declared zone's offset on that day, in minutes (the entry's own is `ownOffset`).
   */
  declared?: { offset: number; ownOffset: number };
  event: string;
  position: Position;
}

export interface Why {
  text: string;
  position: Position;
}

/** A table cell's location, for editing just that cell. */
export interface Cell {
  text: string;
  /** Byte span of the cell's content, trimmed, in the document; empty cells get a zero-width span. */
  span: Span;
  /** For an empty cell: the spaces a value written into it needs so it reads `| value |`. */
  pad?: [string, string];
}

export interface ActionItem {
  id: string | null;
  action: string;
  owner: string | null;
  priority: string | null;
  due: string | null;
  status: string | null;
  issue: string | null;
  form: 'table' | 'bullet';
  position: Position;
  /** For table rows: the cells by canonical column, for the editor. */
  cells?: Partial<Record<ActionItemColumn, Cell>>;
}

export type ActionItemColumn = 'id' | 'action' | 'owner' | 'priority' | 'due' | 'status' | 'issue';

/** The parsed postmortem: everything rules need, each piece with its position. */
export interface Postmortem {
  path: string;
  text: string;
  frontMatter: FrontMatter;
  title: { text: string; position: Position } | null;
  sections: Section[];
  timeline: TimelineEntry[];
  whys: Why[];
  actionItems: ActionItem[];
  /** Lines of the document, for rules that scan prose. Index 0 is line 1. */
  lines: string[];
  /** Lines that are prose (not front matter or code), 1-based. */
  proseLines: number[];
  /** What the size caps (limits.ts) left unread; lint reports each as a `size-limit` finding. */
  unread: Unread[];
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn?: number;
  rule: string;
  level: Exclude<Level, 'off'>;
  message: string;
  suggestion?: string;
}

export interface Metrics {
  /** Minutes; null when a timestamp is missing or unreadable. */
  timeToDetect: number | null;
  timeToMitigate: number | null;
  timeToResolve: number | null;
}
