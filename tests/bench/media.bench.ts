// npm run bench:media — seconds from upload-complete to PLAYABLE and to READY for each sample,
// next to the same ladder produced by plain ffmpeg commands in the same run, as ratios. The plain
// commands come from the pipeline's own argument builders, so the ratio is the pipeline's
// overhead (jobs, probing, publishing), not a difference in ffmpeg work.
// Not part of `npm test`: timings are reported, never asserted.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  hlsCopyArgs,
  hlsEncodeArgs,
  planLadder,
  planStills,
  remuxAudioOf,
  resolveFfmpegBinaries,
  stillsArgs,
  Ffmpeg,
} from '@platform/media';
import { createLogger } from '@platform/config';
import { startEmbeddedPostgres } from '@platform/db';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { openPlatform } from '../../apps/api/src/platform.ts';
import { createMeeting, uploadFile } from '../support/media-helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLES = ['bench-60s-720p-h264-aac.mp4', 'landscape-1080p-h264-aac.mp4', 'hevc-720p.mp4', 'portrait-rotated-h264-aac.mp4'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

execFileSync(process.execPath, [path.join(root, 'media-samples/generate.mjs'), '--long'], { stdio: 'inherit' });
const sampleDir = path.join(root, 'media-samples/out');
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-media-'));
await fs.chmod(scratch, 0o755);
const pg = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 0, database: 'bench' });
const config = loadConfig(
  {
    DATABASE_URL: pg.url,
    DATA_DIR: scratch,
    SEED_DEMO: '1',
    WORKER_IN_PROCESS: '1',
    LOG_LEVEL: 'silent',
    MEDIA_SIGNING_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    ...pick(process.env, ['FFMPEG_PATH', 'FFPROBE_PATH']),
  },
  root,
);
const platform = await openPlatform(config, { log: createLogger(config.log, 'bench') });
const app = await buildApp(platform, { serveWeb: false });
const ffmpeg = new Ffmpeg(resolveFfmpegBinaries(config.media));
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer1', password: 'Demo@2021' } });
const cookie = `bhs_session=${login.cookies.find((c) => c.name === 'bhs_session')!.value}`;
const meetingId = await createMeeting(platform.prisma, 'officer1');

console.log(
  `\nffmpeg: ${ffmpeg.binaries.ffmpeg} (${ffmpeg.binaries.source}), ${os.cpus().length} cores, ${ROUNDS} round(s), median shown\n`,
);
console.log('sample                          | plain ffmpeg: top  all  | pipeline: PLAYABLE  READY | ratio: PLAYABLE  READY');
console.log('--------------------------------|-------------------------|---------------------------|----------------------');
for (const name of SAMPLES) {
  const input = path.join(sampleDir, name);
  const base = { top: [] as number[], all: [] as number[] };
  const pipe = { playable: [] as number[], ready: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const b = await plainLadder(input);
    base.top.push(b.top);
    base.all.push(b.all);
    const p = await pipeline(input);
    pipe.playable.push(p.playable);
    pipe.ready.push(p.ready);
  }
  const [top, all, playable, ready] = [median(base.top), median(base.all), median(pipe.playable), median(pipe.ready)];
  console.log(
    `${name.padEnd(32)}| ${fmt(top)} ${fmt(all)} | ${fmt(playable)}    ${fmt(ready)} | ${(playable / top).toFixed(2).padStart(7)}x ${(ready / all).toFixed(2).padStart(6)}x`,
  );
}
console.log('\nratio = pipeline seconds / plain ffmpeg seconds for the same outputs (1.00 = no overhead; target ≤ 1.10).');
console.log('PLAYABLE baseline = the first rendition alone (the remux, or the whole encode when nothing can be remuxed).');
console.log('Target: a 60 s H.264 clip PLAYABLE within 2 s of upload completion.\n');

await app.close();
await platform.close();
await pg.stop();
await fs.rm(scratch, { recursive: true, force: true });

/** The same renditions, poster and sprite with plain ffmpeg commands, timed. */
async function plainLadder(input: string): Promise<{ top: number; all: number }> {
  const plan = planLadder(await ffmpeg.probe(input), config.media);
  if (plan.kind !== 'video') throw new Error('bench samples are videos');
  const dir = await fs.mkdtemp(path.join(scratch, 'plain-'));
  const started = performance.now();
  const copies = plan.renditions.filter((r) => r.mode === 'copy');
  const encodes = plan.renditions.filter((r) => r.mode === 'encode');
  for (const r of copies) await run(hlsCopyArgs(input, await mk(dir, r.name), remuxAudioOf(r, plan.copyAudio)));
  const outputs = await Promise.all(encodes.map(async (r) => ({ rendition: r, dir: await mk(dir, r.name) })));
  // As in the pipeline: poster and sprite ride on the encode, or get a run of their own when nothing is encoded.
  const stills = {
    poster: path.join(dir, 'poster.jpg'),
    sprite: path.join(dir, 'sprite.jpg'),
    plan: planStills(plan.durationSeconds, plan.renditions[0]!),
  };
  if (!copies.length && outputs.length) await run(hlsEncodeArgs(input, outputs, { copyAudio: plan.copyAudio, stills }));
  const top = performance.now() - started;
  if (copies.length && outputs.length) await run(hlsEncodeArgs(input, outputs, { copyAudio: plan.copyAudio, stills }));
  if (!outputs.length) await run(stillsArgs(input, stills));
  const all = performance.now() - started;
  await fs.rm(dir, { recursive: true, force: true });
  return { top: top / 1000, all: all / 1000 };
}

/** Upload through the API, then time from the completion response to PLAYABLE and READY. */
async function pipeline(input: string): Promise<{ playable: number; ready: number }> {
  const bytes = await fs.readFile(input);
  const { upload } = await uploadFile(app, cookie, meetingId, { name: path.basename(input), bytes }, 'video/mp4', {
    onlyParts: Array.from({ length: 1000 }, (_, i) => i + 1),
  });
  // Status changes arrive as events (the same ones the screens get): no polling load on the
  // machine while ffmpeg runs, and the time is taken when the status is written.
  let playable = 0;
  let settle: (r: { playable: number; ready: number }) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const finished = new Promise<{ playable: number; ready: number }>((resolve, reject) => ((settle = resolve), (fail = reject)));
  const unsubscribe = platform.runtime.events.subscribe((event) => {
    if (process.env.BENCH_DEBUG) console.log(event);
    if (event.type !== 'media.status' || event.assetId !== upload.assetId) return;
    const elapsed = (performance.now() - started) / 1000;
    if (!playable && (event.status === 'PLAYABLE' || event.status === 'READY')) playable = elapsed;
    if (event.status === 'READY') settle({ playable, ready: elapsed });
    if (event.status === 'FAILED') fail(new Error(`${input} failed`));
  });
  const started = performance.now();
  const done = await app.inject({ method: 'POST', url: `/api/uploads/${upload.id}/complete`, headers: { cookie } });
  if (done.statusCode !== 200) throw new Error(done.body);
  try {
    return await finished;
  } finally {
    unsubscribe();
  }
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg.binaries.ffmpeg, ['-nostdin', '-loglevel', 'error', ...args], { stdio: 'ignore' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exit ${code}`))));
  });
}

async function mk(dir: string, name: string): Promise<string> {
  const d = path.join(dir, name);
  await fs.mkdir(d, { recursive: true });
  return d;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function fmt(seconds: number): string {
  return `${seconds.toFixed(2)}s`.padStart(7);
}

function pick(env: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => env[k]).map((k) => [k, env[k]!]));
}
