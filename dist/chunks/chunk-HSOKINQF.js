import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-366W3JI3.js";
import {
  __toESM
} from "./chunk-HANBNIMK.js";

// src/core/template.ts
var import_yaml = __toESM(require_dist(), 1);

// src/core/inert.ts
var BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
var LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;
function stripInvisible(text) {
  return text.replace(BIDI, "").replace(CONTROL, "");
}
function oneLine(text) {
  return stripInvisible(text).replace(LINE_BREAKS, " ").trim();
}
function defuseMarkers(text, form = "text") {
  return text.replace(/<!--/g, form === "markdown" ? "&lt;!--" : "<\u2060!--");
}
function defuseMentions(text) {
  return text.replace(/@(?=[A-Za-z0-9])/g, "@\u2060");
}
function inertTitle(text) {
  return defuseMarkers(defuseMentions(oneLine(text)));
}
function escapeMarkdown(text) {
  return text.replace(/[\\`*_[\]<>|~]/g, "\\$&").replace(/\\<!--/g, "&lt;!--").replace(/^(\s*)([-+=#])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}
function inertMarkdown(text) {
  return defuseMentions(escapeMarkdown(oneLine(text)));
}
function inertTitleLine(line, parse) {
  if (!line.startsWith("title:")) return line;
  let value;
  try {
    value = parse(line)?.title;
  } catch {
    return line;
  }
  if (typeof value !== "string") return line;
  const quoted = JSON.stringify(value).replace(
    /[<>[\]!@&`*_|~()#]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
  return `title: ${quoted}`;
}

// src/core/line-index.ts
function normaliseLineBreaks(text) {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}
var LineIndex = class {
  constructor(text) {
    this.text = text;
    const starts = [0];
    let i = text.indexOf("\n");
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf("\n", i + 1);
    }
    this.starts = starts;
  }
  text;
  starts;
  get lineCount() {
    return this.starts.length;
  }
  /** Offset of the first character of a 1-based line (clamped to the document). */
  lineStart(line) {
    const index = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return this.starts[index] ?? 0;
  }
  /** Offset just past a line's content, before its `\r\n` or `\n`. */
  lineEnd(line) {
    const next = line < this.starts.length ? (this.starts[line] ?? this.text.length) - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === "\r" && next <= this.text.length && this.text[next] === "\n" ? next - 1 : next;
  }
  /** The text of a 1-based line, without its line ending. */
  line(line) {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
  /** 1-based position of an offset. */
  position(offset) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
};

// src/core/yaml-scalar.ts
function yamlScalar(value) {
  if (value === null) return "null";
  if (typeof value !== "string") return String(value);
  if (/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(value))
    return value;
  if (/^(?:draft|in-review|published|closed|SEV\d)$/.test(value)) return value;
  return JSON.stringify(value);
}

// src/core/sections.ts
var ALIASES = {
  summary: ["summary", "overview", "executive summary", "incident summary", "tldr", "abstract"],
  impact: ["impact", "customer impact", "user impact", "business impact", "impact assessment"],
  timeline: [
    "timeline",
    "incident timeline",
    "timeline of events",
    "chronology",
    "sequence of events"
  ],
  "root-cause": [
    "root cause",
    "root causes",
    "root cause analysis",
    "rca",
    "five whys",
    "5 whys",
    "causes",
    "cause"
  ],
  "contributing-factors": [
    "contributing factors",
    "contributing factor",
    "contributing causes",
    "trigger",
    "triggers"
  ],
  "detection-response": [
    "detection and response",
    "detection response",
    "detection",
    "response",
    "incident response",
    "incident response analysis",
    "resolution",
    "resolution and recovery",
    "recovery",
    "mitigation"
  ],
  "action-items": [
    "action items",
    "action item",
    "actions",
    "follow ups",
    "followups",
    "follow up",
    "follow up actions",
    "remediation",
    "remediations",
    "next steps",
    "review actions",
    "corrective actions",
    "corrections",
    "action items and follow ups"
  ],
  "lessons-learned": [
    "lessons learned",
    "lessons learnt",
    "learnings",
    "lessons",
    "what we learned",
    "post incident analysis"
  ],
  "went-well": ["what went well", "things that went well", "went well", "what worked"],
  "went-wrong": [
    "what went wrong",
    "things that went wrong",
    "went wrong",
    "what didnt go well",
    "what could have gone better",
    "what could have gone better or differently",
    "what did not go well"
  ],
  "got-lucky": [
    "where we got lucky",
    "where did we get lucky",
    "got lucky",
    "lucky",
    "what was lucky"
  ],
  "supporting-data": [
    "supporting data",
    "supporting information",
    "appendix",
    "supporting material",
    "data"
  ]
};
var LOOKUP = /* @__PURE__ */ new Map();
for (const [key, names] of Object.entries(ALIASES)) {
  for (const name of names) LOOKUP.set(name, key);
}
var SECTION_NAMES = {
  summary: "Summary",
  impact: "Impact",
  timeline: "Timeline",
  "root-cause": "Root cause",
  "contributing-factors": "Contributing factors",
  "detection-response": "Detection and response",
  "action-items": "Action items",
  "lessons-learned": "Lessons learned",
  "went-well": "What went well",
  "went-wrong": "What went wrong",
  "got-lucky": "Where we got lucky",
  "supporting-data": "Supporting data"
};
function normaliseHeading(text) {
  let normal = NORMALISED.get(text);
  if (normal === void 0) {
    if (NORMALISED.size > 4096) NORMALISED.clear();
    normal = normalise(text);
    NORMALISED.set(text, normal);
  }
  return normal;
}
var NORMALISED = /* @__PURE__ */ new Map();
function normalise(text) {
  return withoutParentheses(withoutComments(text)).replace(/[*_`~]/g, "").replace(/^\s*(?:\d+[.)]|[ivx]+\.)\s+/i, "").toLowerCase().replace(/['’]/g, "").replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ").trim();
}
function withoutComments(text) {
  if (!text.includes("<!--")) return text;
  return text.split(/(\r\n|[\n\r\u2028\u2029])/).map(lineWithoutComments).join("");
}
function lineWithoutComments(line) {
  let out = "";
  let from = 0;
  for (; ; ) {
    const open = line.indexOf("<!--", from);
    if (open === -1) break;
    const close = line.indexOf("-->", open + 4);
    if (close === -1) break;
    out += line.slice(from, open);
    from = close + 3;
  }
  return out + line.slice(from);
}
function withoutParentheses(text) {
  let out = "";
  let from = 0;
  for (; ; ) {
    const open = text.indexOf("(", from);
    if (open === -1) break;
    const close = text.indexOf(")", open + 1);
    if (close === -1) break;
    out += text.slice(from, open);
    from = close + 1;
  }
  return out + text.slice(from);
}
function sectionKey(heading) {
  return sectionMatch(heading)?.key ?? null;
}
var KEYWORDS = [
  ["went-well", ["went well", "went right", "worked well", "what worked", "went smoothly"]],
  [
    "went-wrong",
    [
      "went wrong",
      "went poorly",
      "went badly",
      "didnt go well",
      "did not go well",
      "could have gone better",
      "could have been better",
      "didnt work"
    ]
  ],
  ["got-lucky", ["lucky", "luck"]],
  [
    "action-items",
    [
      "action items",
      "action item",
      "remediation",
      "remediations",
      "corrective",
      "preventative",
      "preventive",
      "follow up",
      "follow ups",
      "followups",
      "next steps",
      "doing about it",
      "to do",
      "todo",
      "todos",
      "future work"
    ]
  ],
  [
    "lessons-learned",
    ["lessons", "lesson", "learned", "learnt", "learnings", "takeaways", "takeaway", "learn"]
  ],
  ["timeline", ["timeline", "chronology", "sequence of events", "timeline of events"]],
  ["impact", ["impact", "impacted", "affected", "customer facing effects", "user facing effects"]],
  [
    "root-cause",
    ["root cause", "root causes", "cause", "causes", "how did this happen", "why did this happen"]
  ],
  ["contributing-factors", ["contributing", "lead up", "leadup", "trigger", "triggers"]],
  ["detection-response", ["detection", "response", "resolution", "recovery", "mitigation"]],
  ["summary", ["summary", "overview", "what happened", "tldr", "description", "background"]],
  ["supporting-data", ["supporting", "appendix", "references"]]
];
function sectionMatch(heading) {
  const normal = normaliseHeading(heading);
  const exact = LOOKUP.get(normal) ?? LOOKUP.get(normal.replace(/ s$/, ""));
  if (exact) return { key: exact, byKeyword: false };
  if (/^\d/.test(normal)) return null;
  const padded = ` ${normal} `;
  for (const [key, words] of KEYWORDS) {
    if (words.some((word) => padded.includes(` ${word} `))) return { key, byKeyword: true };
  }
  return null;
}
function readFrom(section) {
  return section.byKeyword && section.key ? ` (the heading "${section.heading}" read as ${SECTION_NAMES[section.key]})` : "";
}

// src/core/template.ts
var PLACEHOLDERS = [
  "title",
  "incident",
  "incident_url",
  "date",
  "severity",
  "owner",
  "reviewers",
  "status",
  "started_at",
  "detected_at",
  "mitigated_at",
  "resolved_at",
  "due",
  "services",
  "tags",
  "timeline"
];
var PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
var HAS_PLACEHOLDER = /\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/;
var HEADER = /^<!--\s*hindsight-template\b([\s\S]*?)-->\r?\n/;
var TemplateError = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
  line;
};
function parseTemplate(name, text) {
  const header = HEADER.exec(text);
  let meta = {};
  try {
    meta = header ? (0, import_yaml.parse)(header[1] ?? "") ?? {} : {};
  } catch (error) {
    throw new TemplateError(
      `Template "${name}": its hindsight-template header is not valid YAML (${error.message.split("\n")[0]}).`,
      1
    );
  }
  const body = header ? text.slice(header[0].length) : text;
  const headerLines = header ? header[0].split("\n").length - 1 : 0;
  const index = new LineIndex(body);
  const optional = new Set((meta.optional ?? []).map(normaliseHeading));
  const required = [];
  const guidance = /* @__PURE__ */ new Set();
  let inFrontMatter = index.line(1) === "---";
  let inFence = false;
  for (let line = 1; line <= index.lineCount; line++) {
    const text2 = index.line(line);
    if (line > 1 && inFrontMatter && text2 === "---") {
      inFrontMatter = false;
      continue;
    }
    for (const match of text2.matchAll(PLACEHOLDER)) {
      const placeholder = match[1];
      if (!PLACEHOLDERS.includes(placeholder)) {
        throw new TemplateError(
          `Template "${name}" line ${line + headerLines}: unknown placeholder {{ ${placeholder} }}; known: ${PLACEHOLDERS.join(", ")}.`,
          line + headerLines
        );
      }
      if (placeholder === "timeline" && (inFrontMatter || !/^\s*\{\{\s*timeline\s*\}\}\s*$/.test(text2))) {
        throw new TemplateError(
          `Template "${name}" line ${line + headerLines}: {{ timeline }} must stand alone on a line under a | Time (UTC) | Event | header.`,
          line + headerLines
        );
      }
      if (inFrontMatter && !new RegExp(`^[\\w-]+:\\s*\\{\\{\\s*${placeholder}\\s*\\}\\}\\s*$`).test(text2)) {
        throw new TemplateError(
          `Template "${name}" line ${line + headerLines}: in front matter a placeholder must be a field's whole value (\`key: {{ ${placeholder} }}\`), so it can be quoted safely.`,
          line + headerLines
        );
      }
    }
    if (inFrontMatter) continue;
    if (/^\s*(```|~~~)/.test(text2)) inFence = !inFence;
    const heading = /^(#{1,6})\s+/.exec(text2);
    if (heading && !inFence) {
      const level = heading[1].length;
      const title = headingTitle(text2.slice(heading[0].length));
      if (level === 2 && !optional.has(normaliseHeading(title)) && !HAS_PLACEHOLDER.test(title)) {
        required.push({ key: sectionKey(title), name: title, level });
      }
      continue;
    }
    const trimmed = text2.trim();
    if (trimmed.length >= 12 && !/^\|?[\s:|-]+\|?$/.test(trimmed) && !HAS_PLACEHOLDER.test(trimmed) && !/^\|/.test(trimmed)) {
      guidance.add(trimmed);
    }
  }
  return { name, description: meta.description ?? "", body, required, guidance };
}
function headingTitle(rest) {
  let end = rest.trimEnd().length;
  while (end > 0 && rest[end - 1] === "#") end--;
  return rest.slice(0, end).trimEnd();
}
function renderTemplate(template, values) {
  const lines = template.body.split("\n");
  let inFrontMatter = lines[0] === "---";
  return lines.map((line, n) => {
    if (n > 0 && inFrontMatter && line === "---") {
      inFrontMatter = false;
      return line;
    }
    if (!inFrontMatter && /^\s*\{\{\s*timeline\s*\}\}\s*$/.test(line))
      return timelineRows(values).join("\n");
    const context = inFrontMatter ? "yaml" : /^\s*\|/.test(line) ? "cell" : "inline";
    const rendered = line.replace(
      PLACEHOLDER,
      (_match, name) => escapeValue(values[name], context)
    );
    return context === "yaml" ? rendered.trimEnd() : rendered;
  }).join("\n");
}
function timelineRows(values) {
  const rows = values.timeline && values.timeline.length > 0 ? values.timeline : [{ time: String(values.started_at ?? ""), event: "Incident started" }];
  return rows.map((row) => {
    const event = escapeInline(oneLine(row.event));
    const link = row.link && /^https?:\/\/[^\s()<>]+$/.test(row.link) ? ` ([link](${row.link}))` : "";
    return `| ${escapeInline(oneLine(row.time))} | ${event}${link} |`;
  });
}
function escapeValue(value, context) {
  if (value === void 0 || value === null || value === "") return "";
  if (context === "yaml") {
    return (Array.isArray(value) ? JSON.stringify(value.map(oneLine)) : yamlScalar(typeof value === "number" ? value : oneLine(value))).replace(/<!--/g, "\\u003c!--");
  }
  const text = Array.isArray(value) ? value.map(oneLine).join(", ") : oneLine(String(value));
  return escapeInline(text);
}
var escapeInline = escapeMarkdown;

// src/files/templates.ts
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let n = 0; n < 5; n++) {
    if (existsSync(join(dir, "templates", "standard.md"))) return dir;
    dir = dirname(dir);
  }
  throw new Error(
    "Cannot find the bundled templates/ folder next to Hindsight; reinstall the package."
  );
}
function builtinTemplatesDir() {
  return join(packageRoot(), "templates");
}
function examplesDir() {
  return join(packageRoot(), "examples", "postmortems");
}
async function loadTemplates(repositoryRoot) {
  const templates = /* @__PURE__ */ new Map();
  const dirs = [builtinTemplatesDir()];
  if (repositoryRoot) dirs.push(resolve(repositoryRoot, ".github/postmortem/templates"));
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => []);
    for (const name of names.filter((file) => file.endsWith(".md")).sort()) {
      const id = name.slice(0, -3);
      templates.set(id, parseTemplate(id, await readFile(join(dir, name), "utf8")));
    }
  }
  return templates;
}

export {
  stripInvisible,
  oneLine,
  defuseMarkers,
  defuseMentions,
  inertTitle,
  inertMarkdown,
  inertTitleLine,
  normaliseLineBreaks,
  LineIndex,
  yamlScalar,
  SECTION_NAMES,
  normaliseHeading,
  sectionKey,
  sectionMatch,
  readFrom,
  TemplateError,
  parseTemplate,
  renderTemplate,
  escapeInline,
  examplesDir,
  loadTemplates
};
