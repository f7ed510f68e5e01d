import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QUEUES } from '@platform/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { childrenOf, cmdline, processesWith, waitFor } from '../support/processes.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { spawnWorker } from '../support/worker-process.ts';

const RETRY_LIMIT = QUEUES['media.process'].retryLimit;

// Standalone workers stopped with SIGTERM, as Kubernetes stops a pod: a job that outlasts
// WORKER_STOP_GRACE_SECONDS is aborted (ffmpeg killed, workspace removed) and handed back, and
// another worker takes it at once, not after the 30 s heartbeat expiry, without using up an
// attempt; a job that fits in the grace finishes where it runs.

let t: TestApp;
let cookie: string;
let meetingId: string;
let workDir: string;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '0', UPLOAD_PART_MB: '8' });
  cookie = await t.login('officer1');
  meetingId = await createMeeting(t.platform.prisma, 'officer1');
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-stop-scratch-'));
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  await t.close();
  await fs.rm(workDir, { recursive: true, force: true });
});

function startWorker(graceSeconds: number) {
  const { child, output } = spawnWorker(t, workDir, {
    WORKER_HTTP_PORT: '0',
    LOG_FORMAT: 'json',
    WORKER_STOP_GRACE_SECONDS: String(graceSeconds),
  });
  workers.push(child);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = waitFor('worker ready', () => output().includes('ready: taking media jobs'), 90_000);
  return { child, output, exit, ready };
}

type LogLine = Record<string, unknown> & { msg: string; time: number | string };
/** A line's time in ms (pino writes epoch ms or an ISO string, by configuration). */
const at = (l: LogLine) => (typeof l.time === 'number' ? l.time : Date.parse(l.time));
const logLines = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);

const jobsOf = (assetId: string) =>
  t.platform.prisma.$queryRaw<{ id: string; state: string; retry_count: number; retry_limit: number }[]>`
    SELECT id::text, state::text, retry_count, retry_limit FROM pgboss.job WHERE name = 'media.process' AND data->>'assetId' = ${assetId}`;

const statusOf = async (assetId: string) => (await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: assetId } })).status;

/** Keys under the asset's derived prefix that no playlist names (leftovers of a second run), and the rendition folders. */
async function derivedFiles(assetId: string): Promise<{ rungs: string[]; unlisted: string[] }> {
  const prefix = `media/${assetId}/out/`;
  const keys: string[] = [];
  for await (const o of t.platform.runtime.store.list(prefix)) keys.push(o.key.slice(prefix.length));
  const rungs = [...new Set(keys.filter((k) => k.includes('/')).map((k) => k.split('/')[0]!))].sort();
  const listed = new Set<string>();
  for (const rung of rungs) {
    const playlist = await t.platform.runtime.store.get(`${prefix}${rung}/index.m3u8`);
    let text = '';
    for await (const chunk of playlist.body) text += Buffer.from(chunk as Uint8Array).toString();
    listed.add(`${rung}/index.m3u8`);
    for (const line of text.split('\n')) {
      const uri = /URI="([^"]+)"/.exec(line)?.[1] ?? (line && !line.startsWith('#') ? line.trim() : undefined);
      if (uri) listed.add(`${rung}/${uri}`);
    }
  }
  const unlisted = keys.filter((k) => k.includes('/') && !listed.has(k));
  return { rungs, unlisted };
}

describe('worker processes stopped with SIGTERM', { timeout: 240_000 }, () => {
  it('hands a job that outlasts the grace back to the queue; another worker takes it at once and finishes it, with one set of renditions', async () => {
    const first = startWorker(1);
    await first.ready;
    const { complete } = await uploadFile(t.app, cookie, meetingId, sample('landscape-20s-720p-h264-aac.mp4'), 'video/mp4');
    const assetId = complete!.json().assetId as string;
    // Mid-encode: the remuxed 720p is published, ffmpeg is making the smaller rungs.
    await waitFor('PLAYABLE', async () => (await statusOf(assetId)) === 'PLAYABLE', 90_000);
    const ffmpeg = await waitFor(
      'an ffmpeg child',
      () => childrenOf(first.child.pid!).filter((p) => cmdline(p).includes('ffmpeg')),
      30_000,
    );
    expect(ffmpeg.length).toBeGreaterThan(0);
    const [before] = await jobsOf(assetId);
    expect(before).toMatchObject({ state: 'active', retry_count: 0, retry_limit: RETRY_LIMIT });
    // A second worker is idle beside it (one job per asset: it cannot take this one yet).
    const second = startWorker(30);
    await second.ready;

    const sigtermAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(Date.now() - sigtermAt).toBeLessThan(1_000 + 8_000);
    // ffmpeg is gone with its job, and so is the job's scratch directory.
    expect(processesWith(workDir)).toEqual([]);
    expect(await fs.readdir(workDir)).toEqual([]);
    const handedBack = logLines(first.output()).find((l) => l.msg === 'job handed back: this process is stopping');
    expect(handedBack, first.output()).toMatchObject({ jobId: before!.id, assetId });

    // Taken at once by the other worker (NOTIFY, else its 2 s poll), not after the 30 s heartbeat expiry.
    const taken = await waitFor(
      'the second worker to start the job',
      () => logLines(second.output()).find((l) => l.msg === 'job started' && l.jobId === before!.id),
      10_000,
    );
    expect(at(taken) - at(handedBack!)).toBeLessThan(15_000);
    const media = await waitForMedia(t.app, cookie, assetId, ['READY', 'FAILED'], 180_000);
    expect(media.status).toBe('READY');
    expect(media.renditions.map((r: { name: string }) => r.name)).toEqual(['720p', '480p', '360p']);
    expect(await t.platform.prisma.mediaRendition.count({ where: { assetId } })).toBe(3);
    // One attempt more was counted, and one more allowed: the hand-back used up none.
    await expect
      .poll(async () => (await jobsOf(assetId)).map((j) => [j.state, j.retry_count, j.retry_limit]), { timeout: 30_000 })
      .toEqual([['completed', 1, RETRY_LIMIT + 1]]);
    const files = await derivedFiles(assetId);
    expect(files.rungs).toEqual(['360p', '480p', '720p']);
    expect(files.unlisted).toEqual([]);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });

  it('lets a job that fits in the grace finish in the same process, first attempt, then exits', async () => {
    const worker = startWorker(120);
    await worker.ready;
    const { complete } = await uploadFile(t.app, cookie, meetingId, sample('landscape-720p-h264-aac.mp4'), 'video/mp4');
    const assetId = complete!.json().assetId as string;
    await waitFor(
      'the job to start',
      () => logLines(worker.output()).some((l) => l.msg === 'job started' && l.assetId === assetId),
      60_000,
    );
    worker.child.kill('SIGTERM');
    expect(await worker.exit).toBe(0);
    expect(await statusOf(assetId)).toBe('READY');
    expect((await jobsOf(assetId)).map((j) => [j.state, j.retry_count])).toEqual([['completed', 0]]);
    const lines = logLines(worker.output()).filter((l) => l.assetId === assetId);
    expect(lines.map((l) => l.msg)).toContain('job done');
    expect(lines.map((l) => l.msg)).not.toContain('job handed back: this process is stopping');
    expect(await fs.readdir(workDir)).toEqual([]);
  });
});
