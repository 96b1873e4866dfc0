/** Summary statistics over minutes or days: medians and percentiles, not only means. */

/** A median and a 90th percentile, or nulls when there is nothing to summarise. */
export interface Spread {
  median: number | null;
  p90: number | null;
}

/**
 * The p-th percentile (0..1) of already sorted numbers, by linear interpolation between the
 * closest ranks (the method of NumPy's default and spreadsheets' PERCENTILE.INC), so the 50th
 * percentile is the usual median. Rounded to one decimal.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const value = sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
  return Math.round(value * 10) / 10;
}

/** Median and p90 of the numbers given, skipping nulls. */
export function spread(values: readonly (number | null)[]): Spread {
  const sorted = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}
