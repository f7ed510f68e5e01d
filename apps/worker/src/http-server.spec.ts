import { createJobMetrics, createMetricsRegistry } from '@platform/jobs/metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkerHttpServer, type WorkerHttpServer } from './http-server.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as never;
let server: WorkerHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: { token?: string; ready: () => boolean }) {
  const registry = createMetricsRegistry();
  createJobMetrics(registry).jobFailures.inc({ queue: 'media.process' });
  server = await startWorkerHttpServer({
    port: 0,
    host: '127.0.0.1',
    metricsToken: options.token,
    registry,
    isReady: options.ready,
    log: silent,
  });
  return `http://127.0.0.1:${server.port}`;
}

describe('the worker HTTP server', () => {
  it('answers liveness always and readiness while the worker takes jobs', async () => {
    let ready = true;
    const base = await start({ ready: () => ready });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const up = await fetch(`${base}/health/ready`);
    expect([up.status, await up.json()]).toEqual([200, { status: 'ok' }]);
    ready = false;
    const down = await fetch(`${base}/health/ready`);
    expect([down.status, await down.json()]).toEqual([503, { status: 'stopping' }]);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect((await fetch(`${base}/health/ready`, { method: 'POST' })).status).toBe(404);
  });

  it('serves the registry to loopback callers without a token, not to what a proxy forwards', async () => {
    const base = await start({ ready: () => true });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^job_failures_total\{queue="media\.process"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect((await fetch(`${base}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
  });

  it('with METRICS_TOKEN wants exactly that bearer', async () => {
    const token = 'worker-scrape-token-0123456789';
    const base = await start({ token, ready: () => true });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer nope-nope-nope-nope' } })).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
