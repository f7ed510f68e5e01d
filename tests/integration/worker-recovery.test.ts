import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { spawnWorker } from '../support/worker-process.ts';

// Standalone worker processes (`npm run worker`) against the test database and the API's
// filesystem store: a worker killed with SIGKILL mid-job, and two workers sharing a queue.

let t: TestApp;
let cookie: string;
let meetingId: string;
let workDir: string;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '0', UPLOAD_PART_MB: '8' });
  cookie = await t.login('officer1');
  meetingId = await createMeeting(t.platform.prisma, 'officer1');
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-scratch-'));
});
// A test that fails leaves no worker behind to take the next test's jobs (or finish its own there).
async function stopWorkers(): Promise<void> {
  const running = workers.splice(0).filter((w) => w.exitCode === null && w.signalCode === null);
  await Promise.all(running.map((w) => new Promise((r) => (w.once('exit', r), w.kill('SIGKILL')))));
}
afterEach(stopWorkers);
afterAll(async () => {
  await stopWorkers();
  await t.close();
  await fs.rm(workDir, { recursive: true, force: true });
});

function startWorker(): { child: ChildProcess; output: () => string } {
  const worker = spawnWorker(t, workDir);
  workers.push(worker.child);
  return worker;
}

/**
 * Seconds from the test's start at which each step finished. On a loaded CI machine a step can take
 * minutes; a failure says which one did instead of only "test timed out".
 */
class Steps {
  private readonly start = Date.now();
  private readonly done: string[] = [];
  mark(step: string): void {
    this.done.push(`${step} at ${((Date.now() - this.start) / 1000).toFixed(1)} s`);
  }
  toString(): string {
    return this.done.join(', ') || 'no step finished';
  }
}

async function until(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  steps: Steps,
  output?: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what} (steps: ${steps})${output ? `; worker output:\n${output()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  steps.mark(what);
}

function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const jobsOf = (assetId: string) =>
  t.platform.prisma.$queryRaw<
    { id: string; state: string; retry_count: number }[]
  >`SELECT id::text, state::text, retry_count FROM pgboss.job WHERE name = 'media.process' AND data->>'assetId' = ${assetId}`;

// Each step has its own deadline and the sum stays under the test's timeout, so a slow machine fails
// with the step and the workers' output rather than vitest's bare timeout. The hand-over alone is
// the 30 s heartbeat plus the job monitor and the retry's 5–10 s backoff.
describe('worker processes', { timeout: 420_000 }, () => {
  it('picks up a job again after its worker is killed with SIGKILL, without duplicates or leftover files', async () => {
    const steps = new Steps();
    const first = startWorker();
    await until(() => first.output().includes('ready:'), 90_000, 'first worker ready', steps, first.output);
    const { complete } = await uploadFile(t.app, cookie, meetingId, sample('landscape-20s-720p-h264-aac.mp4'), 'video/mp4');
    const assetId = complete!.json().assetId;

    // Kill it while it is encoding: after the remuxed 720p is published, before READY.
    const status = async () => (await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: assetId } })).status;
    await until(async () => (await status()) === 'PLAYABLE', 60_000, 'PLAYABLE', steps, first.output);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect((await fs.readdir(workDir)).length).toBe(1); // the killed job's scratch directory is left behind

    const second = startWorker();
    const jobStartedOnSecond = () => logLines(second.output()).some((l) => l.msg === 'job started' && l.assetId === assetId);
    const died = () => second.child.exitCode !== null || second.child.signalCode !== null;
    await until(() => jobStartedOnSecond() || died(), 120_000, 'job started on the second worker', steps, second.output);
    expect(died(), `the second worker exited (steps: ${steps}):\n${second.output()}`).toBe(false);
    await until(async () => ['READY', 'FAILED'].includes(await status()), 120_000, 'READY or FAILED', steps, second.output);
    const media = await waitForMedia(t.app, cookie, assetId, ['READY', 'FAILED'], 5_000);
    expect(media.status, `steps: ${steps}; second worker output:\n${second.output()}`).toBe('READY');
    expect(media.renditions.map((r: { name: string }) => r.name)).toEqual(['720p', '480p', '360p']);
    expect(await t.platform.prisma.mediaRendition.count({ where: { assetId } })).toBe(3);
    // READY is written before the handler returns (it still queues the evidence check), so the
    // job's completion follows a moment later.
    await expect
      .poll(async () => (await jobsOf(assetId)).map((j) => [j.state, j.retry_count]), { timeout: 30_000 })
      .toEqual([['completed', 1]]);
    expect(second.output()).toContain('removed 1 workspace(s) left by killed workers');
    expect(await fs.readdir(workDir)).toEqual([]);
    console.log(`worker hand-over steps: ${steps}`);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });

  it('never lets two workers process the same job', async () => {
    const steps = new Steps();
    const a = startWorker();
    const b = startWorker();
    const output = () => a.output() + b.output();
    await until(() => a.output().includes('ready:') && b.output().includes('ready:'), 90_000, 'two workers ready', steps, output);
    const assetIds: string[] = [];
    for (const name of ['landscape-720p-h264-aac.mp4', 'no-audio-720p.mp4', 'hevc-720p.mp4', 'landscape-1080p-h264-aac.mp4']) {
      const { complete } = await uploadFile(t.app, cookie, meetingId, sample(name), 'video/mp4');
      assetIds.push(complete!.json().assetId);
    }
    for (const id of assetIds) {
      const media = await waitForMedia(t.app, cookie, id, ['READY', 'FAILED'], 150_000);
      expect(media.status, `steps: ${steps}`).toBe('READY');
      steps.mark(`${id} READY`);
    }
    // Each job finishes a moment after its asset is READY, and its worker has logged it by then.
    const done = () =>
      logLines(output()).filter((l) => l.msg === 'job done' && l.job === 'media.process' && assetIds.includes(String(l.assetId)));
    await expect.poll(() => done().length, { timeout: 30_000 }).toBe(assetIds.length);
    // Workers log JSON lines when their output is not a terminal; each job starts exactly once.
    const started = logLines(output()).filter((l) => l.msg === 'job started');
    for (const id of assetIds) {
      const [job] = await jobsOf(id);
      const lines = logLines(output()).filter((l) => l.assetId === id);
      expect(job, `worker log of asset ${id}:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`).toMatchObject({
        state: 'completed',
        retry_count: 0,
      });
      expect(started.filter((l) => l.jobId === job!.id)).toEqual([expect.objectContaining({ job: 'media.process', assetId: id })]);
    }
  });
});
