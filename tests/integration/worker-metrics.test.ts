import { spawn, type ChildProcess } from 'node:child_process';
import { JOB_METRIC_NAMES } from '@platform/jobs/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { freePort, waitFor } from '../support/processes.ts';
import { parsePrometheusText, valueOf } from '../support/prometheus-text.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, PROJECT_ROOT, type TestApp } from '../support/test-app.ts';

// `npm run worker` as its own process, with its HTTP server on WORKER_HTTP_PORT: readiness while
// it takes jobs, and the job it ran in its own /metrics.

let t: TestApp;
let worker: ChildProcess;
let output = '';
let base: string;

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '0' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  worker = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: t.platform.databaseUrl,
      DATA_DIR: t.dataDir,
      LOG_FORMAT: 'json',
      WORKER_HTTP_PORT: String(port),
      // Empty is unset: loopback callers may scrape.
      METRICS_TOKEN: '',
    },
  });
  worker.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  worker.stderr!.on('data', (c: Buffer) => (output += c.toString()));
});
afterAll(async () => {
  if (worker.exitCode === null) {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
  await t.close();
});

describe('the worker process', { timeout: 120_000 }, () => {
  it('is ready once it takes jobs, and counts the jobs it ran', async () => {
    await waitFor(
      'the worker to be ready',
      () =>
        fetch(`${base}/health/ready`).then(
          (r) => r.status === 200,
          () => false,
        ),
      90_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; worker output:\n${output}`);
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    const cookie = await t.login('officer1');
    const meetingId = await createMeeting(t.platform.prisma, 'officer1');
    const { complete } = await uploadFile(t.app, cookie, meetingId, sample('photo-plain.jpg'), 'image/jpeg');
    expect((await waitForMedia(t.app, cookie, complete!.json().assetId, ['READY', 'FAILED'])).status).toBe('READY');

    const samples = await waitFor('the photo job in the worker’s /metrics', async () => {
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      const s = parsePrometheusText(await res.text());
      return (valueOf(s, `${JOB_METRIC_NAMES.jobDuration}_count`, { queue: 'media.photo', outcome: 'completed' }) ?? 0) >= 1 && s;
    });
    expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Queue depth is the API's to report (read from the database); a worker has only its own figures.
    expect(samples.some((s) => s.name === 'queue_depth')).toBe(false);
  });

  it('stops on SIGTERM and closes its HTTP server', async () => {
    worker.kill('SIGTERM');
    const code = await new Promise((r) => worker.once('exit', r));
    expect(code).toBe(0);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });
});
