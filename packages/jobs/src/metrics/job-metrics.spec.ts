import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createJobMetrics, JOB_METRIC_NAMES } from './job-metrics.ts';

describe('createJobMetrics', () => {
  it('records transcode speed as media seconds per wall second, by kind, and skips empty runs', async () => {
    const registry = new Registry();
    const metrics = createJobMetrics(registry);
    metrics.observeTranscode({ kind: 'encode', mediaSeconds: 60, wallSeconds: 20 });
    metrics.observeTranscode({ kind: 'remux', mediaSeconds: 60, wallSeconds: 0.25 });
    metrics.observeTranscode({ kind: 'remux', mediaSeconds: 0, wallSeconds: 1 });
    const [metric] = (await registry.getMetricsAsJSON()).filter((m) => m.name === JOB_METRIC_NAMES.transcodeSpeed);
    const values = metric!.values as { metricName?: string; labels: Record<string, string | number>; value: number }[];
    const sum = (kind: string) =>
      values.find((v) => v.metricName === `${JOB_METRIC_NAMES.transcodeSpeed}_sum` && v.labels.kind === kind)!.value;
    const count = (kind: string) =>
      values.find((v) => v.metricName === `${JOB_METRIC_NAMES.transcodeSpeed}_count` && v.labels.kind === kind)!.value;
    expect(sum('encode')).toBe(3);
    expect(sum('remux')).toBe(240);
    expect(count('remux')).toBe(1);
  });

  it('registers every name it exports, once per registry', async () => {
    const registry = new Registry();
    createJobMetrics(registry);
    expect(() => createJobMetrics(registry)).toThrow(/already been registered/);
    const names = (await registry.getMetricsAsJSON()).map((m) => m.name).sort();
    expect(names).toEqual(Object.values(JOB_METRIC_NAMES).sort());
    // Another process (or platform in a test) has a registry of its own.
    expect(() => createJobMetrics(new Registry())).not.toThrow();
  });
});
