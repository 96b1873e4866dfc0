import { parseTimestamp } from './time.js';
import type { Metrics, Postmortem } from './types.js';

/** Minutes between two front-matter timestamps, or null when either is missing or unreadable. */
function minutesBetween(data: Record<string, unknown>, from: string, to: string): number | null {
  const start = parseTimestamp(data[from]);
  const end = parseTimestamp(data[to]);
  if (!('instant' in start) || !('instant' in end)) return null;
  return Math.round((end.instant - start.instant) / 60_000);
}

/** Time to detect, mitigate and resolve, from timestamps only (never typed by hand). */
export function computeMetrics(postmortem: Postmortem): Metrics {
  return metricsOf(postmortem.frontMatter.data);
}

/** The same, from front-matter data alone (the index reads nothing else for them). */
export function metricsOf(data: Record<string, unknown>): Metrics {
  return {
    timeToDetect: minutesBetween(data, 'started_at', 'detected_at'),
    timeToMitigate: minutesBetween(data, 'detected_at', 'mitigated_at'),
    timeToResolve: minutesBetween(data, 'started_at', 'resolved_at'),
  };
}

/** `1h 05m`, `45m`, `2d 3h`: how durations read in reports. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(minutes);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  if (days > 0) return `${sign}${days}d ${hours}h`;
  if (hours > 0) return `${sign}${hours}h ${String(mins).padStart(2, '0')}m`;
  return `${sign}${mins}m`;
}
