/** Summary statistics for benchmark samples (milliseconds, bytes): what the report prints. */
export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

/**
 * The q-quantile (0–1) by linear interpolation between the two nearest ranks, as spreadsheets' and
 * NumPy's default: the median of [1, 2, 3, 4] is 2.5, its p95 is 3.85.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('no samples');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be from 0 to 1, not ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => quantile(samples, 0.95);

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('no samples');
  return {
    n: samples.length,
    min: Math.min(...samples),
    median: median(samples),
    p95: p95(samples),
    max: Math.max(...samples),
    mean: samples.reduce((sum, x) => sum + x, 0) / samples.length,
  };
}

/** ours / theirs, rounded for a table; below 1 means ours is faster or smaller. */
export function ratio(ours: number, theirs: number): number | undefined {
  if (!(theirs > 0) || !Number.isFinite(ours)) return undefined;
  return Math.round((ours / theirs) * 100) / 100;
}
