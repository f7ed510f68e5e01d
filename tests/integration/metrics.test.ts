import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METRIC_NAMES } from '../../apps/api/src/metrics/api-metrics.ts';
import { JOB_METRIC_NAMES } from '@platform/jobs/metrics';
import { openEventStream } from '../support/event-stream.ts';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { waitFor } from '../support/processes.ts';
import { parsePrometheusText, samplesOf, valueOf, type PromSample } from '../support/prometheus-text.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The API's /metrics over real HTTP, after real traffic: requests by route pattern, an event
// stream, an upload whose video is processed in-process, a live on air; and the request id that
// ties a response to its log lines.

const TOKEN = 'metrics-test-token-0123456789';
let t: TestApp;
let base: string;
let officer1: string;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  t = await createTestApp(
    // TRUST_PROXY: the test plays the proxy whose x-request-id is kept.
    { WORKER_IN_PROCESS: '1', UPLOAD_PART_MB: '5', METRICS_TOKEN: TOKEN, TRUST_PROXY: '1', LOG_LEVEL: 'debug', LOG_FORMAT: 'json' },
    { logOutput: { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) } },
  );
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  officer1 = await t.login('officer1');
});
afterAll(() => t.close());

async function scrape(authorization = `Bearer ${TOKEN}`): Promise<PromSample[]> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

const HTTP_COUNT = `${API_METRIC_NAMES.httpDuration}_count`;

describe('GET /metrics', { timeout: 180_000 }, () => {
  let assetId: string;
  let fileSize: number;

  it('counts requests by method, route pattern and status; unknown paths as `unmatched`', async () => {
    const file = sample('landscape-720p-h264-aac.mp4');
    fileSize = (await stat(file)).size;
    const meetingId = await createMeeting(t.platform.prisma, 'officer1');
    const { complete } = await uploadFile(t.app, officer1, meetingId, file, 'video/mp4');
    expect(complete!.statusCode).toBe(200);
    assetId = complete!.json().assetId;

    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/api/media/${assetId}`, { headers: { cookie: officer1 } })).status).toBe(200);
    expect((await fetch(`${base}/api/media/00000000-0000-4000-8000-000000000000`, { headers: { cookie: officer1 } })).status).toBe(404);
    expect((await fetch(`${base}/no/such/${assetId}`)).status).toBe(404);

    const samples = await scrape();
    const mediaRoute = { method: 'GET', route: '/api/media/:id' };
    expect(valueOf(samples, HTTP_COUNT, { ...mediaRoute, status_code: '200' })).toBeGreaterThanOrEqual(3);
    expect(valueOf(samples, HTTP_COUNT, { ...mediaRoute, status_code: '404' })).toBe(1);
    expect(valueOf(samples, HTTP_COUNT, { method: 'GET', route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1);
    // Buckets are cumulative up to +Inf, which equals the count.
    const buckets = samplesOf(samples, `${API_METRIC_NAMES.httpDuration}_bucket`, { ...mediaRoute, status_code: '404' });
    expect(buckets.find((b) => b.labels.le === '+Inf')?.value).toBe(1);
    // The pattern, never the URL: no series names an id.
    const routes = new Set(samplesOf(samples, HTTP_COUNT).map((s) => s.labels.route));
    expect([...routes].filter((r) => r!.includes(assetId))).toEqual([]);
    expect(routes).toContain('/api/uploads/:id/parts/:partNumber');
  });

  it('counts the bytes of upload parts received', async () => {
    expect(valueOf(await scrape(), API_METRIC_NAMES.uploadBytes, { kind: 'part' })).toBeGreaterThanOrEqual(fileSize);
  });

  it('shows the media job: queue gauges, its duration with its outcome, and the transcode speed', async () => {
    expect((await waitForMedia(t.app, officer1, assetId, ['READY', 'FAILED'])).status).toBe('READY');
    // The job is recorded when its handler returns, a moment after the asset says READY.
    const samples = await waitFor('the completed media job in /metrics', async () => {
      const s = await scrape();
      return (valueOf(s, `${JOB_METRIC_NAMES.jobDuration}_count`, { queue: 'media.process', outcome: 'completed' }) ?? 0) >= 1 && s;
    });
    for (const state of ['queued', 'active'])
      expect(valueOf(samples, API_METRIC_NAMES.queueDepth, { queue: 'media.process', state })).toBeGreaterThanOrEqual(0);
    expect(valueOf(samples, API_METRIC_NAMES.queueOldestAge, { queue: 'media.process' })).toBeGreaterThanOrEqual(0);
    // Every queue of the platform is there, e.g. the photos' own.
    expect(valueOf(samples, API_METRIC_NAMES.queueDepth, { queue: 'media.photo', state: 'queued' })).toBe(0);
    expect(valueOf(samples, `${JOB_METRIC_NAMES.jobFailures}`, { queue: 'media.process' }) ?? 0).toBe(0);

    const speeds = samplesOf(samples, `${JOB_METRIC_NAMES.transcodeSpeed}_count`);
    expect(speeds.reduce((n, s) => n + s.value, 0)).toBeGreaterThanOrEqual(1);
    for (const s of speeds) expect(['remux', 'encode']).toContain(s.labels.kind);
    const sum = samplesOf(samples, `${JOB_METRIC_NAMES.transcodeSpeed}_sum`).reduce((n, s) => n + s.value, 0);
    expect(sum).toBeGreaterThan(0);
    // Node's own, with no prefix.
    expect(valueOf(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(samplesOf(samples, 'nodejs_eventloop_lag_p99_seconds')).toHaveLength(1);
  });

  it('reports a queued job and how long it has waited', async () => {
    // A queue no process works on, with a job whose start time came 90 s ago.
    await t.platform.runtime.boss.createQueue('metrics.test');
    await t.platform.prisma.$executeRaw`
      INSERT INTO pgboss.job (name, data, start_after) VALUES ('metrics.test', '{}'::jsonb, now() - interval '90 seconds')`;
    const samples = await waitFor('the queued job in /metrics', async () => {
      const s = await scrape();
      return (valueOf(s, API_METRIC_NAMES.queueDepth, { queue: 'metrics.test', state: 'queued' }) ?? 0) >= 1 && s;
    });
    expect(valueOf(samples, API_METRIC_NAMES.queueOldestAge, { queue: 'metrics.test' })).toBeGreaterThanOrEqual(90);
    expect(valueOf(samples, API_METRIC_NAMES.queueDepth, { queue: 'metrics.test', state: 'active' })).toBe(0);
  });

  it('counts the event streams open on this instance', async () => {
    const stream = await openEventStream(base, officer1);
    expect(valueOf(await scrape(), API_METRIC_NAMES.eventStreamsOpen)).toBe(1);
    stream.close();
    await stream.ended;
    await waitFor('the stream to be counted as closed', async () => valueOf(await scrape(), API_METRIC_NAMES.eventStreamsOpen) === 0);
  });

  it('counts lives on air', async () => {
    expect(valueOf(await scrape(), API_METRIC_NAMES.liveSessions, { state: 'live' })).toBe(0);
    const officer = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    await t.platform.prisma.liveStream.create({
      data: { enterpriseId: officer.enterpriseId!, title: '指标测试直播', status: 'LIVE', startedAt: new Date() },
    });
    // Read at most every two seconds, however often Prometheus asks.
    await waitFor(
      'the live in /metrics',
      async () => valueOf(await scrape(), API_METRIC_NAMES.liveSessions, { state: 'live' }) === 1,
      10_000,
    );
  });

  it('answers 404 without the token, with a wrong one, and to another scheme', async () => {
    const refused: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of refused) {
      const res = await fetch(`${base}/metrics`, { headers });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(API_METRIC_NAMES.httpDuration);
    }
  });
});

describe('request ids', () => {
  it('keeps a sane x-request-id from the proxy, echoes it, and every log line of the request carries it', async () => {
    const id = 'edge-7f3a.metrics_test';
    const res = await fetch(`${base}/api/media/${assetIdForLog()}`, { headers: { cookie: officer1, 'x-request-id': id } });
    expect(res.headers.get('x-request-id')).toBe(id);
    const line = await waitFor('the request log line', () => logs.find((l) => l.reqId === id && l.msg === 'request'));
    expect(line).toMatchObject({ method: 'GET', status: res.status });
  });

  it('makes a UUID for a missing or unfit id', async () => {
    const unfit: Record<string, string>[] = [{}, { 'x-request-id': 'a'.repeat(65) }, { 'x-request-id': 'x y' }];
    for (const headers of unfit) {
      const res = await fetch(`${base}/api/health/live`, { headers });
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await waitFor('the request log line', () => logs.find((l) => l.reqId === id));
    }
  });
});

function assetIdForLog(): string {
  return '00000000-0000-4000-8000-0000000000aa';
}
