/**
 * YAML for a scalar: dates, timestamps, statuses and severities plain, numbers as numbers, any other
 * string double-quoted (JSON strings are YAML 1.2 double-quoted scalars), so no value can break the block.
 */
export function yamlScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(value))
    return value;
  if (/^(?:draft|in-review|published|closed|SEV\d)$/.test(value)) return value;
  return JSON.stringify(value);
}
