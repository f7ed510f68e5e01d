// Figures the load and soak runs print: quantiles of latencies and a least-squares slope of a
// sampled series. Pure functions, no I/O.

/** The q-quantile (0..1) of `values` (nearest rank); NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Spread {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50/p95/p99/max of `values` in one sort. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : Number.NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length ? sorted.at(-1)! : Number.NaN };
}

/** Mean of `values`; NaN when empty. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

export interface Trend {
  /** Units of the series per hour (least squares over the points given). */
  perHour: number;
  first: number;
  last: number;
  mean: number;
}

/** Least-squares slope of `points` ([seconds, value]) expressed per hour, with the endpoints' values. */
export function trend(points: readonly (readonly [number, number])[]): Trend {
  const n = points.length;
  if (n < 2)
    return { perHour: 0, first: points[0]?.[1] ?? Number.NaN, last: points[0]?.[1] ?? Number.NaN, mean: points[0]?.[1] ?? Number.NaN };
  const mx = mean(points.map((p) => p[0]));
  const my = mean(points.map((p) => p[1]));
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return { perHour: den ? (num / den) * 3600 : 0, first: points[0]![1], last: points[n - 1]![1], mean: my };
}

/** `ms` as a short figure: "12.3" below 100, else whole. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value < 100 ? value.toFixed(1) : value.toFixed(0);
}

/** Bytes as MiB with one decimal. */
export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
