// Small statistics and formatting helpers for the benchmark tables.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 0.1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(1)} ms`;
}

export const perSecond = (value: number): string =>
  Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-GB')}/s` : 'n/a';
export const count = (value: number): string => value.toLocaleString('en-GB');
export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');

/** Runs fn repeatedly (after a warm-up) until enough time or runs have passed; returns the durations in ms. */
export function timeRepeated(
  fn: () => void,
  options: { warmup?: number; minRuns?: number; maxRuns?: number; budgetMs?: number } = {},
): number[] {
  const { warmup = 3, minRuns = 5, maxRuns = 50, budgetMs = 400 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - started < budgetMs)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}
