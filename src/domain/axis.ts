/**
 * Ticks at round steps (1, 2 or 5 times a power of ten) from 0 to at least `max`: 0/50/100/150, never
 * 0/35/70/105/140. `target` is about how many steps an axis has room for.
 */
export function niceTicks(max: number, target = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  // Multiplying, not adding, keeps 0.1 × 3 from drifting to 0.30000000000000004.
  for (let i = 0; ticks.length === 0 || ticks.at(-1)! < max; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Whole numbers on a count axis: integer steps only, so 3 drones never read as 2.5. */
export function niceCountTicks(max: number, target = 4): number[] {
  return max < target
    ? Array.from({ length: Math.max(1, Math.ceil(max)) + 1 }, (_, i) => i)
    : niceTicks(max, target);
}
