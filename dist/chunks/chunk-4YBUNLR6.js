import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  RULES,
  formatMinutes
} from "./chunk-K5AHS4EK.js";

// src/cli/version.ts
var VERSION = "0.1.0";

// src/cli/formats.ts
var FORMATS = ["stylish", "json", "github", "sarif"];
function formatResults(format, results, version) {
  switch (format) {
    case "json":
      return `${JSON.stringify(toJson(results), null, 2)}
`;
    case "github":
      return results.flatMap((result) => result.findings.map(workflowCommand)).join("\n") + (results.some((r) => r.findings.length) ? "\n" : "");
    case "sarif":
      return `${JSON.stringify(toSarif(results, version), null, 2)}
`;
    default:
      return stylish(results);
  }
}
function toJson(results) {
  const out = [];
  for (const result of results) {
    for (const finding of result.findings) out.push({ kind: "finding", ...finding });
    out.push({
      kind: "metrics",
      file: result.file,
      status: result.status,
      ...result.metrics,
      errors: result.findings.filter((f) => f.level === "error").length,
      warnings: result.findings.filter((f) => f.level === "warn").length
    });
  }
  return out;
}
function workflowCommand(finding) {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `endLine=${finding.endLine}`,
    `col=${finding.column}`,
    ...finding.endColumn ? [`endColumn=${finding.endColumn}`] : [],
    `title=${escapeProperty(finding.rule)}`
  ];
  const message = finding.suggestion ? `${finding.message}
Suggestion: ${finding.suggestion}` : finding.message;
  return `::${finding.level === "error" ? "error" : "warning"} ${properties.join(",")}::${escapeData(message)}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function stylish(results) {
  const lines = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const { timeToDetect, timeToMitigate, timeToResolve } = result.metrics;
    const metrics = [timeToDetect, timeToMitigate, timeToResolve].some((m) => m !== null) ? `  (detect ${formatMinutes(timeToDetect)}, mitigate ${formatMinutes(timeToMitigate)}, resolve ${formatMinutes(timeToResolve)})` : "";
    if (result.findings.length === 0) {
      lines.push(`${result.file}: ok${metrics}`);
      continue;
    }
    lines.push(`${result.file}${metrics}`);
    for (const finding of result.findings) {
      if (finding.level === "error") errors++;
      else warnings++;
      const where = `${finding.line}:${finding.column}`.padEnd(8);
      const level = (finding.level === "error" ? "error" : "warning").padEnd(8);
      lines.push(`  ${where}${level}${finding.message}  ${finding.rule}`);
      if (finding.suggestion)
        lines.push(
          `  ${" ".repeat(16)}\u21B3 ${finding.suggestion.replace(/\n/g, `
  ${" ".repeat(18)}`)}`
        );
    }
    lines.push("");
  }
  const total = errors + warnings;
  lines.push(
    total === 0 ? `\u2714 ${results.length} postmortem${results.length === 1 ? "" : "s"}, no problems` : `\u2716 ${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}) in ${results.length} postmortem${results.length === 1 ? "" : "s"}`
  );
  return `${lines.join("\n")}
`;
}
function toSarif(results, version) {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "hindsight",
            version,
            informationUri: "https://github.com/hindsight-postmortems/hindsight",
            rules: [
              ...RULES.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description }
              })),
              { id: "internal-error", shortDescription: { text: "A rule crashed." } },
              {
                id: "size-limit",
                shortDescription: {
                  text: "Part or all of the file is over a size cap: not checked."
                }
              },
              {
                id: "file-read",
                shortDescription: {
                  text: "The file was not read: outside the repository, not a regular file, or a read error."
                }
              }
            ]
          }
        },
        results: results.flatMap(
          (result) => result.findings.map((finding) => ({
            ruleId: finding.rule,
            level: finding.level === "error" ? "error" : "warning",
            message: {
              text: finding.suggestion ? `${finding.message} Suggestion: ${finding.suggestion}` : finding.message
            },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: {
                    uri: finding.file.split("/").map(encodeURIComponent).join("/")
                  },
                  region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    ...finding.endColumn ? { endColumn: finding.endColumn } : {}
                  }
                }
              }
            ]
          }))
        )
      }
    ]
  };
}

export {
  VERSION,
  FORMATS,
  formatResults
};
