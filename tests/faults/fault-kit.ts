// What every fault scenario shares: the cluster, database look-ups, the test video, the report.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Upload } from '@platform/contracts';
import pg from 'pg';
import type { Cluster, PlatformProcess } from '../support/cluster.ts';
import { FaultClient, partBytes, sleep } from './fault-client.ts';

const run = promisify(execFile);

/** One scenario's outcome: what was done, timings, what was lost (empty: nothing). */
export interface ScenarioReport {
  name: string;
  lines: string[];
  timings: Record<string, number>;
  lost: string[];
  ms: number;
}

/** The cluster and the actors every scenario uses. */
export interface FaultWorld {
  cluster: Cluster;
  apis: PlatformProcess[];
  workers: PlatformProcess[];
  officer: FaultClient;
  video: { file: string; bytes: Buffer; sha256: string };
  /** A scratch directory of the run (not the cluster's). */
  tmp: string;
}

/** Collects a scenario's report as it goes. */
export class Recorder {
  readonly lines: string[] = [];
  readonly timings: Record<string, number> = {};
  readonly lost: string[] = [];
  private readonly started = Date.now();

  constructor(readonly name: string) {
    process.stdout.write(`\n=== ${name}\n`);
  }

  say(line: string): void {
    this.lines.push(line);
    process.stdout.write(`  ${line}\n`);
  }

  time(label: string, ms: number): void {
    this.timings[label] = ms;
    this.say(`${label}: ${(ms / 1000).toFixed(1)} s`);
  }

  /** Records a loss when `ok` is false. */
  expect(ok: boolean, loss: string): boolean {
    if (!ok) {
      this.lost.push(loss);
      this.say(`LOST: ${loss}`);
    }
    return ok;
  }

  finish(): ScenarioReport {
    const ms = Date.now() - this.started;
    process.stdout.write(`  lost: ${this.lost.length ? this.lost.join('; ') : 'nothing'}  (${(ms / 1000).toFixed(1)} s)\n`);
    return { name: this.name, lines: this.lines, timings: this.timings, lost: this.lost, ms };
  }
}

/** One query on a fresh connection, so a restarted PostgreSQL needs no reconnect logic here. */
export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end().catch(() => {});
  }
}

export interface JobRow {
  id: string;
  state: string;
  retry_count: number;
  output: unknown;
}

/** The `media.process` jobs of an asset, every state. */
export function jobsOf(cluster: Cluster, assetId: string): Promise<JobRow[]> {
  return query<JobRow>(
    cluster.db.url,
    `SELECT id, state, retry_count, output FROM pgboss.job WHERE name = 'media.process' AND data->>'assetId' = $1 ORDER BY created_on`,
    [assetId],
  );
}

const UNSETTLED = new Set(['created', 'retry', 'active']);

/**
 * The asset's jobs once none is still queued or running (or as they are after `timeoutMs`). An asset
 * turns READY inside its job's handler, a moment before pg-boss marks the job completed, so a
 * check made right after READY could read `active` and call a finished job lost.
 */
export async function settledJobsOf(cluster: Cluster, assetId: string, timeoutMs = 30_000): Promise<JobRow[]> {
  const settled = await waitUntil(async () => {
    const jobs = await jobsOf(cluster, assetId);
    return jobs.length > 0 && jobs.every((j) => !UNSETTLED.has(j.state)) ? jobs : null;
  }, timeoutMs);
  return settled ?? jobsOf(cluster, assetId);
}

/** The worker whose log says it started the asset's job (attempt `attempt` or later), and when it did. */
export function startedOn(
  workers: PlatformProcess[],
  assetId: string,
  afterAttempt = 0,
): { worker: PlatformProcess; attempt: number } | null {
  for (const worker of workers) {
    const line = worker.logLines().find((l) => l.msg === 'job started' && l.assetId === assetId && Number(l.attempt) > afterAttempt);
    if (line) return { worker, attempt: Number(line.attempt) };
  }
  return null;
}

export async function waitUntil<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs: number,
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await sleep(200);
  }
}

export const alive = (p: PlatformProcess) => p.child.exitCode === null && p.child.signalCode === null;

/** Records processes that died on their own, with the end of their output (why they died). */
export function expectAlive(r: Recorder, processes: PlatformProcess[], when: string): void {
  const dead = processes.filter((p) => !alive(p));
  for (const p of dead) {
    // A crash prints a stack (not JSON) after the last log line: show where it starts.
    const lines = p.output().trimEnd().split('\n');
    const crash = lines.findIndex((l, i) => i > lines.length - 80 && !l.startsWith('{') && /error|throw/i.test(l));
    const last = lines.slice(crash >= 0 ? crash : -6, (crash >= 0 ? crash : lines.length - 6) + 8).map((l) => l.slice(0, 400));
    r.say(`${p.name} exited (${p.child.exitCode ?? p.child.signalCode}); its last lines:\n      ${last.join('\n      ')}`);
  }
  r.expect(dead.length === 0, `processes died ${when}: ${dead.map((p) => p.name).join(', ')}`);
}

/**
 * The keys an asset's rows reference under its derived prefix: each rendition's directory, and the
 * master, poster and sprite files. Anything else in the bucket under `media/<id>/out/` is an orphan.
 */
export async function derivedReport(
  world: FaultWorld,
  assetId: string,
): Promise<{ renditions: string[]; orphans: string[]; missing: string[] }> {
  const { cluster } = world;
  const [asset] = await query<Record<string, string | null>>(
    cluster.db.url,
    `SELECT "hlsMasterKey", "posterKey", "spriteKey", "spriteVttKey" FROM media_asset WHERE id = $1`,
    [assetId],
  );
  const renditions = await query<{ name: string; playlistKey: string }>(
    cluster.db.url,
    `SELECT name, "playlistKey" FROM media_rendition WHERE "assetId" = $1 ORDER BY name`,
    [assetId],
  );
  const files = Object.values(asset ?? {}).filter((k): k is string => !!k);
  const dirs = renditions.map((r) => r.playlistKey.slice(0, r.playlistKey.lastIndexOf('/') + 1));
  const keys = (await cluster.store.bucket.list(`media/${assetId}/out/`)).map((o) => o.key);
  const orphans = keys.filter((k) => !files.includes(k) && !dirs.some((d) => k.startsWith(d)));
  const missing = [...files, ...renditions.map((r) => r.playlistKey)].filter((k) => !keys.includes(k));
  return { renditions: renditions.map((r) => r.name), orphans, missing };
}

/** Entries left in a worker's scratch directory. */
export async function scratchOf(cluster: Cluster, name: string): Promise<string[]> {
  return fs.readdir(cluster.workDirOf(name)).catch(() => []);
}

/**
 * A 1280×720 MPEG-4 Part 2 video with sound (~16 MB, 12 s): not H.264, so every rung is an encode
 * and a transcode lasts long enough to be interrupted.
 */
export async function makeVideo(dir: string): Promise<string> {
  const file = path.join(dir, 'fault-720p-mpeg4.mp4');
  await run('ffmpeg', [
    ...['-y', '-v', 'error'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=12'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=12'],
    ...['-c:v', 'mpeg4', '-b:v', '11M', '-c:a', 'aac', '-b:a', '96k', '-shortest'],
    file,
  ]);
  return file;
}

/** Sends every part of a new upload for `meetingId` through the API and completes it; returns the asset. */
export async function uploadWhole(
  client: FaultClient,
  meetingId: string,
  name: string,
  bytes: Buffer,
): Promise<{ uploadId: string; assetId: string }> {
  const upload = await client.createUpload(meetingId, name, bytes.length);
  for (const part of upload.parts) {
    const start = (part.partNumber - 1) * upload.partSize;
    const answer = await client.sendPart(upload, part.partNumber, bytes.subarray(start, start + part.size), 'api');
    if (answer.status !== 200) throw new Error(`part ${part.partNumber}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  await client.json('POST', `/api/uploads/${upload.id}/complete`);
  return { uploadId: upload.id, assetId: upload.assetId };
}

/** Work in flight when a fault strikes: an upload part-way through and a media job a worker has started. */
export interface InFlight {
  meetingId: string;
  /** An upload with only its first part sent. */
  pending: Upload;
  /** A completed upload whose media job a live worker started (or not within 60 s). */
  transcoding: { uploadId: string; assetId: string };
}

/**
 * Puts the officer's work in flight before a fault: a meeting titled `title`, an upload of the test
 * video with part 1 sent (`<tag>-upload.mp4`, expected to be accepted `before`), and a whole upload
 * (`<tag>-job.mp4`) whose job is waited for up to 60 s to start on a live worker; says what is in flight.
 */
export async function putInFlight(world: FaultWorld, r: Recorder, title: string, tag: string, before: string): Promise<InFlight> {
  const { officer, video } = world;
  const meetingId = await officer.reportMeeting(title);
  const pending = await officer.createUpload(meetingId, `${tag}-upload.mp4`, video.bytes.length);
  const first = await officer.sendPart(pending, 1, partBytes(pending, video.bytes, 1), 'api');
  r.expect(first.status === 200, `part 1 ${before}: ${first.status}`);
  const transcoding = await uploadWhole(officer, meetingId, `${tag}-job.mp4`, video.bytes);
  const taken = await waitUntil(() => startedOn(world.workers.filter(alive), transcoding.assetId), 60_000);
  r.say(
    `in flight: upload ${pending.id} (1 of ${pending.partCount} parts), job of ${transcoding.assetId} on ${taken?.worker.name ?? 'no worker yet'}`,
  );
  return { meetingId, pending, transcoding };
}
