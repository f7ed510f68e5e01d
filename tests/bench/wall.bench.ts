// npm run bench:wall — how fast the command-centre wall shows video, in headless Debian Chromium,
// against baselines measured in the same run:
//   1. navigation → first video frame on a freshly loaded wall (cold cache, then opened again in a new tab), next
//      to a static HTML page that plays the same HLS with hls.js from a tiny node http server;
//   2. upload completion → first frame of the new meeting's tile on a wall already open, next to
//      the pipeline's own upload completion → PLAYABLE plus the static page's first frame;
//   3. a 60 s 720p H.264 clip: upload completion → PLAYABLE (from the status events, as
//      media.bench.ts) next to a plain `ffmpeg -c copy` remux of the same file to HLS.
// Medians of BENCH_RUNS runs (default 5). Timings are reported, never asserted.
// Needs a built web app (`npm run build`; the npm script does it) and /usr/bin/chromium.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Media } from '@platform/contracts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { FRAME_PROBE } from './frame-probe.ts';
import { median, Session, shanghaiToday, startPlatform, waitForStatus, type RunningPlatform } from './bench-platform.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_FIGURES=1,2 measures only those figures (while working on one of them). */
const FIGURES = new Set((process.env.BENCH_FIGURES ?? '1,2,3').split(','));
const SHORT = path.join(root, 'media-samples/out/landscape-720p-h264-aac.mp4');
const LONG = path.join(root, 'media-samples/out/bench-60s-720p-h264-aac.mp4');
const VIEWPORT = { width: 1920, height: 1080 };

execFileSync(process.execPath, [path.join(root, 'media-samples/generate.mjs'), '--long'], { stdio: 'inherit' });
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-wall-'));
let platform: RunningPlatform | undefined;
let browser: Browser | undefined;
let staticServer: http.Server | undefined;
try {
  // BENCH_PLATFORM_ROOT runs the platform of another checkout (a worktree of an older commit).
  platform = await startPlatform(process.env.BENCH_PLATFORM_ROOT ?? root, PORT, path.join(root, 'tmp', `bench-wall-${PORT}`));
  const { base } = platform;
  const officer = await Session.login(base, 'officer1');
  browser = await chromium.launch(chromiumLaunchOptions());
  console.log(`\n${os.cpus().length} cores, ${RUNS} runs per figure, medians shown; platform on ${base}\n`);

  // A wall with four meetings whose videos are READY (nothing transcodes while we measure).
  let firstAsset = '';
  for (let i = 0; i < 4; i++) {
    const meetingId = await officer.reportMeeting(shanghaiToday(), `基准组${i + 1}`);
    const { uploadId, assetId } = await officer.uploadParts(meetingId, SHORT);
    const done = waitForStatus(officer, assetId, ['READY']);
    await done.ready;
    await officer.complete(uploadId);
    await done.result;
    firstAsset ||= assetId;
  }

  // Figure 1 baseline: the same HLS as static files, played by hls.js on a bare page.
  const media = await officer.json<Media>('GET', `/api/media/${firstAsset}`);
  const files = await mirrorHls(base, media.hlsUrl!);
  staticServer = await serveStatic(files, PORT + 1);

  const wallCold: number[] = [],
    wallWarm: number[] = [],
    pageCold: number[] = [],
    pageWarm: number[] = [];
  for (let run = 0; run < RUNS && FIGURES.has('1'); run++) {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript({ content: FRAME_PROBE });
    // One tab at a time, closed after its first frame, so no other video competes for the CPU.
    const measure = async (url: string, selector: string, waterfall = false) => {
      const page = await context.newPage();
      const at = await firstFrame(page, url, selector);
      if (waterfall) await printWaterfall(page, at);
      await page.close();
      return at;
    };
    pageCold.push(await measure(`http://127.0.0.1:${PORT + 1}/`, 'video'));
    pageWarm.push(await measure(`http://127.0.0.1:${PORT + 1}/`, 'video'));
    const login = await context.request.post(`${base}/api/auth/login`, { data: { username: 'command', password: 'Demo@2021' } });
    if (!login.ok()) throw new Error(`command login: ${login.status()}`);
    wallCold.push(await measure(`${base}/command`, '[data-testid="wall-video"]', !!process.env.BENCH_WATERFALL && run === RUNS - 1));
    wallWarm.push(await measure(`${base}/command`, '[data-testid="wall-video"]'));
    await context.close();
  }

  // Figure 2: a wall left open; a meeting is reported, its video uploaded and completed.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript({ content: FRAME_PROBE });
  await context.request.post(`${base}/api/auth/login`, { data: { username: 'command', password: 'Demo@2021' } });
  const wall = await context.newPage();
  await wall.goto(`${base}/command`);
  await wall.locator('[data-testid="wall-connection"][data-connected="true"]').waitFor();
  const toFrame: number[] = [],
    toPlayable: number[] = [];
  for (let run = 0; run < RUNS && FIGURES.has('2'); run++) {
    const meetingId = await officer.reportMeeting(shanghaiToday(), `上传组${run + 1}`);
    const tile = `[data-testid="wall-tile"][data-meeting-id="${meetingId}"]`;
    await wall.locator(tile).waitFor();
    const { uploadId, assetId } = await officer.uploadParts(meetingId, SHORT);
    const playable = waitForStatus(officer, assetId, ['PLAYABLE', 'READY']);
    const ready = waitForStatus(officer, assetId, ['READY']);
    await Promise.all([playable.ready, ready.ready]);
    const frame = wall.evaluate(
      (s) => (window as unknown as { __firstFrame: (s: string) => Promise<number> }).__firstFrame(s),
      `${tile} video`,
    );
    const started = performance.timeOrigin + performance.now();
    await officer.complete(uploadId);
    const framePageMs = await frame;
    const origin = await wall.evaluate(() => performance.timeOrigin);
    toFrame.push(origin + framePageMs - started);
    toPlayable.push((await playable.result) + performance.timeOrigin - started);
    await ready.result; // Let the ladder finish before the next run so runs do not overlap.
  }
  await context.close();

  // Figure 3: 60 s 720p H.264 upload completion → PLAYABLE, against a plain remux.
  const longMeeting = await officer.reportMeeting(shanghaiToday(), '长视频组');
  const pipeline: number[] = [],
    remux: number[] = [];
  for (let run = 0; run < RUNS && FIGURES.has('3'); run++) {
    remux.push(await plainRemux(LONG, path.join(scratch, `remux-${run}`)));
    const { uploadId, assetId } = await officer.uploadParts(longMeeting, LONG);
    const playable = waitForStatus(officer, assetId, ['PLAYABLE', 'READY']);
    const ready = waitForStatus(officer, assetId, ['READY']);
    await Promise.all([playable.ready, ready.ready]);
    const started = performance.now();
    await officer.complete(uploadId);
    pipeline.push((await playable.result) - started);
    await ready.result;
  }

  const ms = (v: number) => `${Math.round(v)} ms`.padStart(8);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(6);
  const staticFrame = median(pageCold);
  console.log('\n=== wall benchmark (median of %d runs, headless Chromium %dx%d) ===', RUNS, VIEWPORT.width, VIEWPORT.height);
  if (FIGURES.has('1'))
    console.log(
      `1. navigation → first frame, fresh wall (cold cache)   ${ms(median(wallCold))}   static-file baseline ${ms(staticFrame)}   ratio ${ratio(median(wallCold), staticFrame)}   target ≤ 300 ms`,
    );
  if (FIGURES.has('1'))
    console.log(
      `   same, opened again (warm cache)                     ${ms(median(wallWarm))}   static-file baseline ${ms(median(pageWarm))}   ratio ${ratio(median(wallWarm), median(pageWarm))}`,
    );
  if (FIGURES.has('2'))
    console.log(
      `2. upload complete → first frame on an open wall       ${ms(median(toFrame))}   baseline (→ PLAYABLE ${ms(median(toPlayable)).trim()} + static first frame) ${ms(median(toPlayable) + staticFrame)}   ratio ${ratio(median(toFrame), median(toPlayable) + staticFrame)}   target ≤ 1000 ms`,
    );
  if (FIGURES.has('3'))
    console.log(
      `3. 60 s 720p H.264 upload complete → PLAYABLE           ${ms(median(pipeline))}   plain ffmpeg -c copy remux ${ms(median(remux))}   ratio ${ratio(median(pipeline), median(remux))}   target ≤ remux + 500 ms (overhead over the remux: ${ms(median(pipeline) - median(remux)).trim()})`,
    );
  console.log(
    `   runs: wall cold ${wallCold.map(Math.round).join(' ')} | static ${pageCold.map(Math.round).join(' ')} | upload→frame ${toFrame.map(Math.round).join(' ')} | →PLAYABLE ${pipeline.map(Math.round).join(' ')} | remux ${remux.map(Math.round).join(' ')}`,
  );
} finally {
  await browser?.close();
  staticServer?.close();
  await platform?.stop();
  await fs.rm(scratch, { recursive: true, force: true });
}

/** Opens `url` in `page` and returns ms from navigation start to the first frame of `selector`. */
async function firstFrame(page: Page, url: string, selector: string): Promise<number> {
  // The probe keeps frames shown before it is asked, so waiting for DOMContentLoaded loses nothing.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const at = await page.evaluate((s) => (window as unknown as { __firstFrame: (s: string) => Promise<number> }).__firstFrame(s), selector);
  return at;
}

/** Where the time of the last cold load went: every request, from the Resource Timing API. */
async function printWaterfall(page: Page, frameAt: number): Promise<void> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: r.name, start: r.startTime, end: r.responseEnd, size: r.encodedBodySize };
    }),
  );
  console.log('\nwaterfall of the last cold wall load (ms after navigation start):');
  for (const e of entries) {
    const name = new URL(e.name).pathname.replace(/\/stream\/[^/]+\//, '/stream/…/');
    console.log(`${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)}  ${String(e.size).padStart(8)} B  ${name}`);
  }
  console.log(`${frameAt.toFixed(0).padStart(6)}            first frame\n`);
}

/** Fetches a signed HLS tree (master, variants, init segments, segments) into memory. */
async function mirrorHls(base: string, masterUrl: string): Promise<Map<string, { body: Buffer; type: string }>> {
  const root = new URL(masterUrl, base);
  const files = new Map<string, { body: Buffer; type: string }>();
  const visit = async (url: URL): Promise<void> => {
    const rel = url.pathname.slice(new URL('.', root).pathname.length);
    if (files.has(rel)) return;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`mirror ${url}: ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    files.set(rel, { body, type: res.headers.get('content-type') ?? 'application/octet-stream' });
    if (!rel.endsWith('.m3u8')) return;
    const uris = body
      .toString()
      .split('\n')
      .flatMap((line) =>
        line.startsWith('#') ? [...line.matchAll(/URI="([^"]+)"/g)].map((m) => m[1]!) : line.trim() ? [line.trim()] : [],
      );
    for (const uri of uris) await visit(new URL(uri, url));
  };
  await visit(root);
  return files;
}

/** A bare page playing the mirrored HLS with hls.js (its own defaults), as any static site would. */
function serveStatic(files: Map<string, { body: Buffer; type: string }>, port: number): Promise<http.Server> {
  const page = `<!doctype html><meta charset="utf-8"><title>baseline</title>
<video id="v" muted playsinline style="width:950px;height:500px;background:#000"></video>
<script src="/hls.min.js"></script>
<script>const v=document.getElementById('v');const hls=new Hls();hls.on(Hls.Events.MANIFEST_PARSED,()=>v.play());hls.loadSource('/hls/master.m3u8');hls.attachMedia(v);</script>`;
  const hlsJs = path.join(root, 'node_modules/hls.js/dist/hls.min.js');
  const server = http.createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (url === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (url === '/hls.min.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(await fs.readFile(hlsJs));
    const file = url.startsWith('/hls/') ? files.get(url.slice(5)) : undefined;
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Milliseconds for a plain stream-copy of `input` to fMP4 HLS, the floor any pipeline pays. */
async function plainRemux(input: string, dir: string): Promise<number> {
  await fs.mkdir(dir, { recursive: true });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.env.FFMPEG_PATH ?? 'ffmpeg',
      [
        '-nostdin',
        '-loglevel',
        'error',
        '-i',
        input,
        '-c',
        'copy',
        '-f',
        'hls',
        '-hls_time',
        '4',
        '-hls_playlist_type',
        'vod',
        '-hls_segment_type',
        'fmp4',
        path.join(dir, 'index.m3u8'),
      ],
      { stdio: 'ignore' },
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exit ${code}`))));
  });
  return performance.now() - started;
}
