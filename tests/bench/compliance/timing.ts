// Timing helpers of `npm run bench:compliance`: samples run one after another (never in parallel:
// the figure is what one request waits on this machine), after warm-up calls that fill caches the
// way a running API has them filled.

/** One measured operation. */
export interface Figure {
  name: string;
  /** Scope and dataset the figure belongs to, printed beside it. */
  note: string;
  samples: number[];
  /** Exports are reported in seconds and are outside the 300 ms target. */
  unit: 'ms' | 's';
}

/** The q-quantile of `values` (nearest rank). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Times `run` `n` times after `warmup` untimed calls. `run` receives the sample index so a series
 * can vary its input (another day, another photo) instead of hitting one cached answer.
 */
export async function time(n: number, run: (i: number) => Promise<unknown>, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(n + i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Prints the table of figures, each with its ratio to the baseline's p50 (the machine's speed right now). */
export function printFigures(figures: Figure[], baseline: Figure): void {
  const base = quantile(baseline.samples, 0.5);
  const row = (cells: string[]) => console.log(cells.join(' | '));
  row(['operation'.padEnd(58), '  n', '     p50', '     p95', 'p95/base', 'scope and data']);
  row(['-'.repeat(58), '---', '--------', '--------', '--------', '-'.repeat(30)]);
  for (const f of [baseline, ...figures]) {
    const [p50, p95] = [quantile(f.samples, 0.5), quantile(f.samples, 0.95)];
    const show = (ms: number) => (f.unit === 's' ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`).padStart(8);
    row([f.name.padEnd(58), String(f.samples.length).padStart(3), show(p50), show(p95), `${(p95 / base).toFixed(1)}x`.padStart(8), f.note]);
  }
}
