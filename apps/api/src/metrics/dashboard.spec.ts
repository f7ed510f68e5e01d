import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJobMetrics, createMetricsRegistry, JOB_METRIC_NAMES } from '@platform/jobs/metrics';
import { describe, expect, it } from 'vitest';
import { INGEST_METRIC_NAMES, registerIngestMetrics } from '../../../ingest/src/metrics.ts';
import { API_METRIC_NAMES, createApiMetrics } from './api-metrics.ts';

// The Grafana dashboard in infra/ queries the metrics this code registers: a metric renamed here
// (or a typo there) fails this spec instead of leaving an empty panel in production.

const DASHBOARD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../infra/grafana/platform-dashboard.json');

interface Panel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource?: { uid: string } }[];
  panels?: Panel[];
}

/** Every series name the platform's processes (API, worker, ingest) expose: each registered metric, histograms with their _bucket, _sum and _count. */
async function exposedNames(): Promise<Set<string>> {
  const registry = createMetricsRegistry();
  createJobMetrics(registry);
  createApiMetrics(registry, { queueStats: async () => [], liveSessions: async () => 0, onError: () => {} });
  registerIngestMetrics(registry, { lives: { onAirCount: 0 }, cameras: { pullCount: 0 } });
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(metric.name + suffix);
  }
  return names;
}

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless']);

/** The metric names a PromQL expression selects: identifiers that are neither functions, keywords nor labels. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // label values
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ') // label lists
    .replace(/\[[^\]]*\]/g, ' ') // ranges
    .replace(/\$\{?\w+\}?/g, ' ') // Grafana variables
    .replace(/(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, ' '); // numbers
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter(([, name, call]) => !call && !KEYWORDS.has(name!))
    .map(([, name]) => name!);
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { __inputs: { name: string }[]; panels: Panel[]; uid: string };
const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');
const exprs = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

describe('infra/grafana/platform-dashboard.json', () => {
  it('reads metric names out of PromQL', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!="/x"}[$__rate_interval])))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(metricNamesIn('sum(rate(a_total{s=~"5.."}[5m])) / clamp_min(sum(rate(b_count[1m])), 1e-9) * 60')).toEqual([
      'a_total',
      'b_count',
    ]);
  });

  it('queries only metrics the API, the workers and the ingest register', async () => {
    const exposed = await exposedNames();
    expect(exprs.length).toBeGreaterThan(10);
    for (const { panel, expr } of exprs) {
      const names = metricNamesIn(expr);
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      expect(
        names.filter((n) => !exposed.has(n)),
        `${panel}: ${expr}`,
      ).toEqual([]);
    }
  });

  it('shows every metric of the platform’s own', () => {
    const queried = new Set(exprs.flatMap(({ expr }) => metricNamesIn(expr)).map((n) => n.replace(/_(bucket|sum|count)$/, '')));
    for (const name of [...Object.values(API_METRIC_NAMES), ...Object.values(JOB_METRIC_NAMES), ...Object.values(INGEST_METRIC_NAMES)])
      expect(queried, name).toContain(name);
  });

  it('imports anywhere: every panel and query uses the ${DS_PROMETHEUS} input', () => {
    expect(dashboard.__inputs.map((i) => i.name)).toEqual(['DS_PROMETHEUS']);
    for (const p of panels) {
      expect(p.datasource, p.title).toEqual({ type: 'prometheus', uid: '${DS_PROMETHEUS}' });
      for (const t of p.targets ?? []) expect(t.datasource?.uid, p.title).toBe('${DS_PROMETHEUS}');
    }
  });
});
