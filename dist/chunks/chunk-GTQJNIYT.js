import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  INDEX_END,
  INDEX_START,
  blockTokens,
  extractActionItems,
  formatMinutes,
  isFinished,
  metricsOf,
  parseFrontMatter,
  plain,
  postmortemFolder,
  reviewDueDate,
  trimEndWhere,
  validDate
} from "./chunk-K5AHS4EK.js";
import {
  LineIndex,
  oneLine,
  sectionKey
} from "./chunk-HSOKINQF.js";

// src/core/knowledge/index-region.ts
var IndexRegionError = class extends Error {
};
function placeIndex(input) {
  const block = `${INDEX_START}
${input.index.replace(/\n*$/, "\n")}${INDEX_END}`;
  const existing = input.existing ?? "";
  if (existing.trim() === "") return `${block}
`;
  const start = markerLine(existing, INDEX_START, 0);
  if (start) {
    const end = markerLine(existing, INDEX_END, start.end);
    if (!end)
      throw new IndexRegionError(
        `${input.file}:${lineOf(existing, start.start)}: "${INDEX_START}" has no "${INDEX_END}" line after it; add one where the index should end.`
      );
    return `${existing.slice(0, start.start)}${block}${existing.slice(end.end)}`;
  }
  const newline = existing.includes("\r\n") ? "\r\n" : "\n";
  const separator = existing.endsWith("\n") ? newline : `${newline}${newline}`;
  return `${existing}${existing.endsWith(`${newline}${newline}`) ? "" : separator}${block}${newline}`;
}
function markerLine(text, marker, from) {
  let at = text.indexOf(marker, from);
  while (at !== -1) {
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    const newline = text.indexOf("\n", at);
    const lineEnd = newline === -1 ? text.length : newline;
    const before = text.slice(lineStart, at);
    const after = text.slice(at + marker.length, lineEnd).replace(/\r$/, "");
    if (before.trim() === "" && after.trim() === "") return { start: at, end: at + marker.length };
    at = text.indexOf(marker, at + marker.length);
  }
  return null;
}
function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// src/core/knowledge/repeat-incidents.ts
var REPEAT_WINDOW_DAYS = 90;
var DAY = 864e5;
function repeatIncidents(entries) {
  const dated = entries.filter((entry) => entry.date !== null).map((entry) => ({ entry, day: Date.parse(`${entry.date}T00:00:00Z`) / DAY })).sort((a, b) => a.day - b.day || compare(a.entry.file, b.entry.file));
  const latest = /* @__PURE__ */ new Map();
  const repeats = [];
  for (const [order, { entry, day }] of dated.entries()) {
    const keys = keysOf(entry);
    let match;
    for (const key of keys) {
      const seen = latest.get(key);
      if (seen && day - seen.day <= REPEAT_WINDOW_DAYS && (!match || seen.order > match.order))
        match = seen;
    }
    if (match) {
      const earlier = match.entry;
      repeats.push({
        file: entry.file,
        title: entry.title,
        date: entry.date,
        earlier: { file: earlier.file, title: earlier.title, date: earlier.date },
        days: day - match.day,
        services: shared(entry.services, earlier.services),
        sharedTags: shared(entry.tags, earlier.tags),
        sharedKeywords: shared(entry.rootCauseKeywords, earlier.rootCauseKeywords)
      });
    }
    for (const key of keys) latest.set(key, { entry, day, order });
  }
  return repeats.reverse();
}
function keysOf(entry) {
  const keys = [];
  for (const service of entry.services) {
    const s = service.toLowerCase();
    for (const tag of entry.tags) keys.push(`${s}\0t\0${tag.toLowerCase()}`);
    for (const word of entry.rootCauseKeywords) keys.push(`${s}\0k\0${word}`);
  }
  return keys;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function shared(a, b) {
  const other = new Set(b.map((value) => value.toLowerCase()));
  return a.filter((value) => other.has(value.toLowerCase()));
}

// src/core/knowledge/statistics.ts
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const value = sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  return Math.round(value * 10) / 10;
}
function spread(values) {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

// src/core/knowledge/build-index.ts
var NO_SEVERITY = "none";
var TOP = 10;
var DAY2 = 864e5;
var AGE_BUCKETS = [
  ["under 30 days", 30],
  ["30 to 89 days", 90],
  ["90 to 179 days", 180],
  ["180 days or more", Infinity]
];
function buildIndex(input) {
  const entries = [...input.entries].sort(
    (a, b) => a.date !== b.date ? (a.date ?? "") < (b.date ?? "") ? 1 : -1 : a.file < b.file ? -1 : 1
  );
  return { postmortems: entries.map(rowOf), stats: statsOf(entries, input) };
}
function severityOrder(entries, scale) {
  const used = new Set(entries.map((entry) => entry.severity ?? NO_SEVERITY));
  const extra = [...used].filter((s) => !scale.includes(s) && s !== NO_SEVERITY).sort();
  return [...scale, ...extra, ...used.has(NO_SEVERITY) ? [NO_SEVERITY] : []];
}
function rowOf(entry) {
  return {
    file: entry.file,
    title: entry.title,
    date: entry.date,
    severity: entry.severity,
    status: entry.status,
    services: entry.services,
    tags: entry.tags,
    timeToDetect: entry.timeToDetect,
    timeToMitigate: entry.timeToMitigate,
    timeToResolve: entry.timeToResolve,
    actionItems: entry.actionItems,
    reviewOverdue: entry.reviewOverdue
  };
}
function durations(entries) {
  return {
    count: entries.length,
    timeToDetect: spread(entries.map((e) => e.timeToDetect)),
    timeToMitigate: spread(entries.map((e) => e.timeToMitigate)),
    timeToResolve: spread(entries.map((e) => e.timeToResolve))
  };
}
function statsOf(entries, input) {
  const severities = severityOrder(entries, input.severities);
  const severityOf = (entry) => entry.severity ?? NO_SEVERITY;
  const bySeverity = /* @__PURE__ */ Object.create(null);
  for (const severity of severities)
    bySeverity[severity] = durations(entries.filter((e) => severityOf(e) === severity));
  const dated = entries.filter((entry) => entry.date !== null);
  const months = monthRange(dated.map((entry) => entry.date.slice(0, 7)));
  const byMonth = months.map((month) => {
    const counts = /* @__PURE__ */ Object.create(null);
    for (const severity of severities) counts[severity] = 0;
    return { month, count: 0, bySeverity: counts };
  });
  const itemsByMonth = months.map((month) => ({ month, opened: 0, done: 0 }));
  const monthIndex = new Map(months.map((month, n) => [month, n]));
  const quarters = /* @__PURE__ */ new Map();
  const ages = [];
  const today = Date.parse(`${input.today}T00:00:00Z`);
  for (const entry of dated) {
    const n = monthIndex.get(entry.date.slice(0, 7));
    byMonth[n].count++;
    byMonth[n].bySeverity[severityOf(entry)]++;
    itemsByMonth[n].opened += entry.actionItems.open + entry.actionItems.done;
    itemsByMonth[n].done += entry.actionItems.done;
    const quarter = quarterOf(entry.date);
    if (!quarters.has(quarter)) quarters.set(quarter, []);
    quarters.get(quarter).push(entry);
    const age = Math.max(0, Math.round((today - Date.parse(`${entry.date}T00:00:00Z`)) / DAY2));
    for (let k = 0; k < entry.actionItems.open; k++) ages.push(age);
  }
  const byQuarter = [...quarters.keys()].sort().map((quarter) => ({ quarter, ...durations(quarters.get(quarter)) }));
  let lower = 0;
  const buckets = AGE_BUCKETS.map(([name, upper]) => {
    const count = ages.filter((age) => age >= lower && age < upper).length;
    lower = upper;
    return { name, count };
  });
  return {
    ...durations(entries),
    bySeverity,
    byMonth,
    byQuarter,
    actionItems: {
      open: sum(entries, (e) => e.actionItems.open),
      done: sum(entries, (e) => e.actionItems.done),
      overdue: sum(entries, (e) => e.actionItems.overdue),
      byMonth: itemsByMonth,
      openAge: { ...spread(ages), buckets }
    },
    services: top(entries.flatMap((e) => e.services)),
    tags: top(entries.flatMap((e) => e.tags)),
    contributingFactors: top(entries.flatMap((e) => e.factors)),
    repeats: repeatIncidents(entries),
    reviewOverdue: entries.filter((e) => e.reviewOverdue).map((e) => ({ file: e.file, title: e.title, due: e.due, owner: e.owner }))
  };
}
function sum(entries, of) {
  let total = 0;
  for (const entry of entries) total += of(entry);
  return total;
}
function top(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const value of values) {
    const key = value.toLowerCase();
    const count = counts.get(key);
    if (count) count.count++;
    else counts.set(key, { name: value, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en")).slice(0, TOP);
}
function quarterOf(date) {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
function monthRange(months) {
  if (months.length === 0) return [];
  let first = months[0];
  let last = first;
  for (const month2 of months) {
    if (month2 < first) first = month2;
    if (month2 > last) last = month2;
  }
  const out = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let guard = 0; guard < 12 * 200; guard++) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    out.push(key);
    if (key >= last) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return out;
}

// src/core/knowledge/read-for-index.ts
var HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
var FENCE = /^ {0,3}(`{3,}|~{3,})/;
function readForIndex(text) {
  const index = new LineIndex(text);
  const frontMatter = parseFrontMatter(index);
  const first = frontMatter.present ? frontMatter.endLine + 1 : 1;
  const headings = [];
  let fence = null;
  const { text: source } = index;
  for (let line = first; line <= index.lineCount; line++) {
    let at = index.lineStart(line);
    const limit = at + 3;
    while (at < limit && source.charCodeAt(at) === 32) at++;
    const c = source.charCodeAt(at);
    if (c !== 35 && c !== 96 && c !== 126) continue;
    const raw = index.line(line);
    const marker = FENCE.exec(raw)?.[1];
    if (marker) {
      if (fence === null) fence = marker[0].repeat(marker.length);
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null || c !== 35) continue;
    const match = HEADING.exec(raw);
    if (match)
      headings.push({ level: match[1].length, text: atxText(raw.slice(match[0].length)), line });
  }
  const sections = headings.map((heading, n) => {
    let end = index.lineCount;
    for (let m = n + 1; m < headings.length; m++)
      if (headings[m].level <= heading.level) {
        end = headings[m].line - 1;
        break;
      }
    return { ...heading, key: sectionKey(heading.text), end };
  });
  const lines = (from, to) => from > to ? "" : source.slice(index.lineStart(from), index.lineEnd(to));
  const find = (key) => sections.find((section) => section.key === key);
  const actions = find("action-items");
  let actionItems = [];
  if (actions) {
    const body = {
      index,
      tokens: blockTokens(lines(actions.line + 1, actions.end)),
      lineBase: actions.line + 1
    };
    const section = {
      heading: actions.text,
      key: "action-items",
      level: actions.level,
      position: { line: actions.line, column: 1 },
      bodyStartLine: actions.line + 1,
      bodyEndLine: actions.end,
      text: "",
      empty: false,
      children: []
    };
    actionItems = extractActionItems(body, section);
  }
  const h1 = headings.find((heading) => heading.level === 1);
  return {
    frontMatter,
    title: h1 ? plain(h1.text) : null,
    actionItems,
    sectionText: (key) => {
      const section = find(key);
      return section ? lines(section.line + 1, section.end).trim() : "";
    }
  };
}
function atxText(rest) {
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === " " || rest[end - 1] === "	")) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === "#") hashes--;
  if (hashes < end && (hashes === 0 || rest[hashes - 1] === " " || rest[hashes - 1] === "	"))
    end = hashes;
  return rest.slice(0, end).trim();
}

// src/core/knowledge/index-entry.ts
var STOPWORDS = new Set(
  "about above after again against because before being below between cause caused causes could didn does doing during every first having incident issue itself might never other their there these thing those through under until users using which while would should where whose within without system systems still since already always another change changed problem reason result started there\u2019s wasn\u2019t weren\u2019t".split(" ")
);
var KEYWORD = /[a-z][a-z0-9-]{4,}/g;
var BULLET = /^(?:[-*+]|\d{1,3}[.)])\s+([\s\S]*)$/;
function indexEntry(input) {
  const postmortem = readForIndex(input.text);
  const data = postmortem.frontMatter.data;
  const date = typeof data.date === "string" && validDate(data.date) ? data.date : null;
  const written = typeof data.due === "string" && validDate(data.due) ? data.due : null;
  const due = written ?? (date ? reviewDueDate(date, input.reviewDueBusinessDays) : null);
  const status = scalar(data.status);
  const counts = { open: 0, done: 0, overdue: 0 };
  for (const item of postmortem.actionItems) {
    if (isFinished(item.status)) counts.done++;
    else {
      counts.open++;
      const itemDue = item.due && /^\d{4}-\d{2}-\d{2}$/.test(item.due) ? item.due : null;
      if (itemDue && validDate(itemDue) && itemDue < input.today) counts.overdue++;
    }
  }
  const metrics = metricsOf(data);
  return {
    file: input.path,
    title: scalar(data.title) ?? postmortem.title ?? fileName(input.path),
    date,
    severity: scalar(data.severity),
    status,
    services: list(data.services),
    tags: list(data.tags),
    owner: scalar(data.owner),
    due,
    reviewOverdue: status === "draft" && due !== null && due < input.today,
    ...metrics,
    actionItems: counts,
    factors: bullets(postmortem.sectionText("contributing-factors")),
    rootCauseKeywords: keywords(postmortem.sectionText("root-cause"))
  };
}
function scalar(value) {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number") return String(value);
  return null;
}
function list(value) {
  const values = Array.isArray(value) ? value : value === void 0 ? [] : [value];
  const out = [];
  for (const entry of values) {
    const text = scalar(entry);
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}
function fileName(path) {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
}
function bullets(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const match = BULLET.exec(line);
    if (!match) continue;
    const factor = trimEndWhere(match[1].replace(/[*_`]/g, ""), (c) => /[.;:,\s]/.test(c)).trim().toLowerCase().slice(0, 120);
    if (factor && !out.includes(factor)) out.push(factor);
  }
  return out;
}
function keywords(text) {
  const found = /* @__PURE__ */ new Set();
  for (const word of text.toLowerCase().match(KEYWORD) ?? [])
    if (!STOPWORDS.has(word)) found.add(word);
  return [...found];
}

// src/core/knowledge/markdown-text.ts
function markdownText(text) {
  return oneLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_[\]|~#!]/g, "\\$&").trim();
}
function relativeLink(from, to) {
  const fromDir = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common])
    common++;
  const up = fromDir.slice(common).map(() => "..");
  const parts = [...up, ...target.slice(common)].map(
    (part) => part === ".." ? part : encodeURIComponent(part).replace(
      /[()'!*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
    )
  );
  return up.length === 0 ? `./${parts.join("/")}` : parts.join("/");
}

// src/core/knowledge/mermaid.ts
var PALETTE = [
  "#d62728",
  "#ff7f0e",
  "#1f77b4",
  "#2ca02c",
  "#9467bd",
  "#8c564b",
  "#7f7f7f"
];
var COLOUR_NAMES = ["red", "orange", "blue", "green", "purple", "brown", "grey"];
function mermaidText(text, limit = 40) {
  const safe = text.normalize("NFKC").replace(/[^\p{L}\p{N} _.,:/+&@()'-]/gu, " ").replace(/-{2,}/g, "-").replace(/\s+/g, " ").trim();
  const cut = [...safe];
  const label = cut.length > limit ? `${cut.slice(0, limit - 1).join("")}\u2026` : safe;
  return label === "" ? "(untitled)" : label;
}
var quoted = (text, limit = 40) => `"${mermaidText(text, limit)}"`;
var num = (value) => value === null || !Number.isFinite(value) ? "0" : String(Math.round(value * 10) / 10);
function xyChart(input) {
  const palette = PALETTE.slice(0, Math.max(input.series.length, 1)).join(", ");
  return [
    "```mermaid",
    `%%{init: {"xyChart": {"width": 720, "height": 320}, "themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    "xychart-beta",
    `  title ${quoted(input.title, 100)}`,
    `  x-axis [${input.categories.map((category) => quoted(category)).join(", ")}]`,
    // From zero: Mermaid's automatic range starts at the smallest value, which draws a month
    // with one incident, beside months with three, as an empty bar.
    `  y-axis ${quoted(input.yLabel)} 0 --> ${num(yMax(input.series))}`,
    ...input.series.map((series) => `  ${series.kind} [${series.values.map(num).join(", ")}]`),
    "```"
  ].join("\n");
}
function yMax(series) {
  let max = 1;
  for (const { values } of series)
    for (const value of values) if (value !== null && value > max) max = value;
  return Math.ceil(max);
}
function pieChart(input) {
  const slices = input.slices.filter((slice) => slice.count > 0);
  if (slices.length === 0) return null;
  return [
    "```mermaid",
    `pie title ${mermaidText(input.title, 100)}`,
    ...slices.map((slice) => `  ${quoted(slice.name)} : ${num(slice.count)}`),
    "```"
  ].join("\n");
}

// src/core/knowledge/render-index.ts
var CHART_MONTHS = 24;
var CHART_QUARTERS = 8;
var REPEATS_SHOWN = 100;
function renderIndex(input) {
  const { index, indexFile } = input;
  const { stats } = index;
  const link = (file, title) => `[${markdownText(title)}](${relativeLink(indexFile, file)})`;
  const out = [];
  out.push(
    "# Postmortems",
    "",
    `${stats.count} postmortem${stats.count === 1 ? "" : "s"}. Median time to detect ${minutes(stats.timeToDetect.median)} (p90 ${minutes(stats.timeToDetect.p90)}), to resolve ${minutes(stats.timeToResolve.median)} (p90 ${minutes(stats.timeToResolve.p90)}). Action items: ${stats.actionItems.open} open, ${stats.actionItems.overdue} of them overdue, ${stats.actionItems.done} done.`,
    "",
    "_Generated by Hindsight (`hindsight index`); edits inside the index are replaced on the next run._",
    ""
  );
  out.push(
    table(
      [
        "Date",
        "Postmortem",
        "Severity",
        "Status",
        "Services",
        "Tags",
        "Time to detect",
        "Time to resolve",
        "Action items open / overdue"
      ],
      index.postmortems.map((row) => [
        row.date ?? "\u2014",
        link(row.file, row.title),
        markdownText(row.severity ?? "\u2014"),
        `${markdownText(row.status ?? "\u2014")}${row.reviewOverdue ? " \u23F0 review overdue" : ""}`,
        markdownText(row.services.join(", ")) || "\u2014",
        markdownText(row.tags.join(", ")) || "\u2014",
        minutes(row.timeToDetect),
        minutes(row.timeToResolve),
        `${row.actionItems.open} / ${row.actionItems.overdue}`
      ])
    ),
    ""
  );
  if (stats.count === 0) return `${out.join("\n").trimEnd()}
`;
  out.push("## Insights", "");
  const severities = Object.keys(stats.bySeverity);
  const months = stats.byMonth.slice(-CHART_MONTHS);
  out.push(
    "### Incidents per month by severity",
    "",
    xyChart({
      title: "Incidents per month by severity",
      categories: months.map((m) => m.month),
      yLabel: "Incidents",
      series: severities.map(
        (severity) => ({
          kind: "line",
          values: months.map((m) => m.bySeverity[severity] ?? 0)
        })
      )
    }),
    "",
    table(
      ["Month", ...severities.map((s, n) => `${markdownText(s)} (${colour(n)})`), "Total"],
      months.map((m) => [
        m.month,
        ...severities.map((s) => String(m.bySeverity[s] ?? 0)),
        String(m.count)
      ])
    ),
    ""
  );
  const quarters = stats.byQuarter.slice(-CHART_QUARTERS);
  out.push(
    "### Time to detect and to resolve per quarter",
    "",
    durationChart(
      "Minutes to detect and resolve per quarter",
      quarters.map((q) => q.quarter),
      quarters
    ),
    "",
    durationTable(
      "Quarter",
      quarters.map((q) => q.quarter),
      quarters
    ),
    "",
    "### Time to detect and to resolve per severity",
    "",
    durationChart(
      "Minutes to detect and resolve per severity",
      severities,
      severities.map((s) => stats.bySeverity[s])
    ),
    "",
    durationTable(
      "Severity",
      severities.map(markdownText),
      severities.map((s) => stats.bySeverity[s])
    ),
    ""
  );
  const items = stats.actionItems.byMonth.slice(-CHART_MONTHS);
  out.push(
    "### Action items opened and done per month",
    "",
    "Items counted by the month of their incident: how many were opened, and how many of those are done now.",
    "",
    xyChart({
      title: "Action items opened and done",
      categories: items.map((m) => m.month),
      yLabel: "Action items",
      series: [
        { kind: "bar", values: items.map((m) => m.opened) },
        { kind: "line", values: items.map((m) => m.done) }
      ]
    }),
    "",
    table(
      ["Month", `Opened (${colour(0)})`, `Done (${colour(1)})`, "Still open"],
      items.map((m) => [m.month, String(m.opened), String(m.done), String(m.opened - m.done)])
    ),
    "",
    "### Age of open action items",
    "",
    `${stats.actionItems.open} open, ${stats.actionItems.overdue} overdue. Median age ${days(stats.actionItems.openAge.median)}, p90 ${days(stats.actionItems.openAge.p90)}.`,
    "",
    xyChart({
      title: "Open action items by age",
      categories: stats.actionItems.openAge.buckets.map((b) => b.name),
      yLabel: "Open items",
      series: [{ kind: "bar", values: stats.actionItems.openAge.buckets.map((b) => b.count) }]
    }),
    "",
    table(
      ["Age", "Open items"],
      stats.actionItems.openAge.buckets.map((b) => [b.name, String(b.count)])
    ),
    ""
  );
  for (const [heading, counts] of [
    ["Most frequent services", stats.services],
    ["Most frequent tags", stats.tags],
    ["Most frequent contributing factors", stats.contributingFactors]
  ]) {
    out.push(`### ${heading}`, "");
    const chart = pieChart({ title: heading, slices: counts });
    if (chart) out.push(chart, "");
    out.push(
      counts.length > 0 ? table(
        ["Name", "Incidents"],
        counts.map((c) => [markdownText(c.name), String(c.count)])
      ) : "_None recorded._",
      ""
    );
  }
  out.push(
    "### Repeat incidents",
    "",
    `The same service and a shared tag or root-cause keyword within ${REPEAT_WINDOW_DAYS} days.`,
    "",
    stats.repeats.length > 0 ? table(
      ["Incident", "Repeats", "Days apart", "Service", "Shared"],
      stats.repeats.slice(0, REPEATS_SHOWN).map((r) => [
        `${r.date} ${link(r.file, r.title)}`,
        `${r.earlier.date} ${link(r.earlier.file, r.earlier.title)}`,
        String(r.days),
        markdownText(r.services.join(", ")),
        markdownText([...r.sharedTags, ...r.sharedKeywords.map((k) => `\u201C${k}\u201D`)].join(", "))
      ])
    ) : "_None found._",
    "",
    ...stats.repeats.length > REPEATS_SHOWN ? [
      `The ${REPEATS_SHOWN} most recent of ${stats.repeats.length}; \`hindsight index --format json\` lists them all.`,
      ""
    ] : []
  );
  if (stats.reviewOverdue.length > 0)
    out.push(
      "### Reviews overdue",
      "",
      ...stats.reviewOverdue.map(
        (r) => `- ${link(r.file, r.title)}: draft, review was due ${r.due}`
      ),
      ""
    );
  return `${out.join("\n").trimEnd()}
`;
}
function minutes(value) {
  return formatMinutes(value === null ? null : Math.round(value));
}
function colour(n) {
  return COLOUR_NAMES[n % COLOUR_NAMES.length];
}
function days(value) {
  return value === null ? "\u2014" : `${value} days`;
}
function durationChart(title, categories, rows) {
  return xyChart({
    title,
    categories,
    yLabel: "Minutes",
    series: [
      { kind: "line", values: rows.map((r) => r.timeToDetect.median) },
      { kind: "line", values: rows.map((r) => r.timeToDetect.p90) },
      { kind: "line", values: rows.map((r) => r.timeToResolve.median) },
      { kind: "line", values: rows.map((r) => r.timeToResolve.p90) }
    ]
  });
}
function durationTable(first, labels, rows) {
  return table(
    [
      first,
      "Incidents",
      `Detect, median (${colour(0)})`,
      `Detect, p90 (${colour(1)})`,
      `Resolve, median (${colour(2)})`,
      `Resolve, p90 (${colour(3)})`
    ],
    rows.map((r, n) => [
      labels[n],
      String(r.count),
      minutes(r.timeToDetect.median),
      minutes(r.timeToDetect.p90),
      minutes(r.timeToResolve.median),
      minutes(r.timeToResolve.p90)
    ])
  );
}
function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`)
  ].join("\n");
}

// src/core/knowledge/generate-index.ts
function defaultIndexFile(config) {
  return `${postmortemFolder(config)}/README.md`;
}
function isIndexed(path, indexFile) {
  return path.toLowerCase().endsWith(".md") && path !== indexFile && !/(^|\/)readme\.md$/i.test(path);
}
function generateIndex(input) {
  const entries = input.files.filter((file) => isIndexed(file.path, input.indexFile)).map(
    (file) => indexEntry({
      path: file.path,
      text: file.text,
      today: input.today,
      reviewDueBusinessDays: input.config.reviewDueBusinessDays
    })
  );
  const index = buildIndex({ entries, severities: input.config.severities, today: input.today });
  const markdown = renderIndex({ index, indexFile: input.indexFile, today: input.today });
  const text = placeIndex({ existing: input.existing, index: markdown, file: input.indexFile });
  return { index, markdown, text };
}

export {
  IndexRegionError,
  defaultIndexFile,
  isIndexed,
  generateIndex
};
