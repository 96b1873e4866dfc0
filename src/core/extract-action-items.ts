import { tokenLine, tokensIn, itemText, plain, type ParsedBody } from './document.js';
import { readTable } from './extract-timeline.js';
import { normaliseHeading } from './sections.js';
import type { ActionItem, ActionItemColumn, Cell, Section } from './types.js';

const COLUMNS: Record<ActionItemColumn, string[]> = {
  id: ['id', 'no', 'number', 'ref'],
  action: ['action', 'item', 'task', 'description', 'what', 'action item', 'actions', 'title'],
  owner: ['owner', 'assignee', 'who', 'responsible', 'dri', 'owners'],
  priority: ['priority', 'pri', 'prio'],
  due: ['due', 'due date', 'deadline', 'by', 'target', 'target date', 'eta', 'when'],
  status: ['status', 'state', 'done'],
  issue: [
    'issue',
    'ticket',
    'link',
    'tracking',
    'tracked in',
    'issue link',
    'jira',
    'github issue',
  ],
};

const MENTION = /(?<![\w`])@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?/;
const PRIORITY =
  /\b(P[0-4])\b|\b(high|medium|low|critical)\s+priority\b|\bpriority:?\s*(high|medium|low|critical|P[0-4])\b/i;
const DUE = /\b(\d{4}-\d{2}-\d{2})\b/;
const ISSUE =
  /(?:^|[\s(])((?:[\w.-]+\/[\w.-]+)?#\d+)\b|https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues\/\d+/;

/** Which canonical column a table header names, if any. */
export function columnFor(header: string): ActionItemColumn | null {
  const normal = header.trim() === '#' ? 'id' : normaliseHeading(header);
  for (const [column, names] of Object.entries(COLUMNS) as [ActionItemColumn, string[]][]) {
    if (names.includes(normal)) return column;
  }
  return null;
}

/**
 * Action items from the Action items section: rows of a table whose header names an action
 * column, and otherwise the top-level bullets (owner, priority, due date and issue read from
 * `@mentions`, `P1`, `2026-12-01` and `#123` in the text).
 */
export function extractActionItems(body: ParsedBody, section: Section): ActionItem[] {
  const items: ActionItem[] = [];
  const tokens = tokensIn(body, section);
  let listDepth = Infinity;
  for (const { token } of tokens)
    if (token.type === 'list_item_open') listDepth = Math.min(listDepth, token.level);

  for (let k = 0; k < tokens.length; k++) {
    const { token } = tokens[k] as (typeof tokens)[number];
    if (token.type === 'table_open') {
      let columns: (ActionItemColumn | null)[] = [];
      k = readTable(body, tokens, k, (cells, line, header) => {
        if (header) {
          columns = cells.map((cell) => columnFor(cell.text));
          if (!columns.includes('action')) columns[columns.indexOf(null)] = 'action';
          return;
        }
        const byColumn: Partial<Record<ActionItemColumn, Cell>> = {};
        cells.forEach((cell, n) => {
          const column = columns[n];
          if (column && !byColumn[column]) byColumn[column] = cell;
        });
        const value = (column: ActionItemColumn) => {
          const text = plain(byColumn[column]?.text ?? '');
          return text === '' || text === '-' || text === '—' ? null : text;
        };
        const action = value('action');
        if (!action && !value('id')) return;
        const first = cells[0];
        items.push({
          id: value('id'),
          action: action ?? '',
          owner: value('owner'),
          priority: value('priority'),
          due: value('due'),
          status: value('status'),
          issue: value('issue'),
          form: 'table',
          position: { line, column: first ? first.span.start - body.index.lineStart(line) + 1 : 1 },
          cells: byColumn,
        });
      });
    } else if (token.type === 'list_item_open' && token.level === listDepth) {
      const line = tokenLine(body, token);
      const { text, column, checked } = itemText(body.index.line(line));
      const action = plain(text);
      if (!action) continue;
      const priority = PRIORITY.exec(text);
      const issue = ISSUE.exec(text);
      items.push({
        id: /^(?:\*\*)?([A-Z]{1,4}-?\d{1,3})(?:\*\*)?[:.)]\s/.exec(text)?.[1] ?? null,
        action,
        owner: MENTION.exec(text)?.[0] ?? null,
        priority: priority ? (priority[1] ?? priority[2] ?? priority[3] ?? null) : null,
        due: DUE.exec(text)?.[1] ?? null,
        status:
          checked === null
            ? /\((?:done|completed)\)\s*$/i.test(text)
              ? 'Done'
              : null
            : checked
              ? 'Done'
              : 'Open',
        issue: issue ? (issue[1] ?? issue[0]) : null,
        form: 'bullet',
        position: { line, column },
      });
    }
  }
  return items;
}
