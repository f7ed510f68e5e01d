// npm run bench:live — glass-to-glass latency of live meetings, in headless Debian Chromium.
// An ffmpeg encoder burns the wall-clock time into every frame it pushes over RTMP (live-stripe.ts);
// the page reads it back from every frame its player presents (requestVideoFrameCallback) and
// compares it with the time the frame is on screen. Measured for:
//   baseline  the same stripe pushed into a bare node-media-server in this process, played by
//             mpegts.js straight from it (HTTP-FLV), and by hls.js from an ffmpeg packager reading
//             it (1 s fMP4 segments) — no platform in between (live-baseline.ts); plus the floor:
//             ffmpeg itself reading node-media-server, no browser (10 s);
//   platform  an officer creates a live (POST /api/live), the stripe is pushed to the returned
//             address, and the command-centre wall (user `command`, 1920×1080) plays it in its live
//             tile: low-latency path (HTTP-FLV + mpegts.js through /api/live-media) and the HLS
//             fallback (`?livePlayer=hls`).
// Both players of the baseline pages use the LivePlayer's settings, so the difference is the path.
// Per path: warm-up (BENCH_LIVE_WARMUP s, default 10) after the first frame, then BENCH_LIVE_SECONDS
// (default 30) of samples. Prints samples, median, p95 and the platform's added latency against the
// baseline of the same delivery; targets ≤ 1 s (low latency) and ≤ 4 s (HLS); the figures last.
// BENCH_LIVE_PATHS=baseline measures only the baseline; adding `media` (baseline,platform,media)
// also plays the platform's HTTP-FLV link on the bare baseline page (the platform without the
// wall). BENCH_LIVE_MPEGTS / BENCH_LIVE_HLS (JSON) change the baseline players' settings.
// BENCH_PORT (default 3440) is the platform's port; its live ports are BENCH_LIVE_RTMP_PORT (49350),
// BENCH_LIVE_FLV_PORT (48935), BENCH_LIVE_INGEST_PORT (48936); the baseline uses RTMP 49351,
// HTTP-FLV 48937 and pages on BENCH_PORT+1.
// Needs a built web app (`npm run build`; the npm script does it), /usr/bin/chromium and ffmpeg.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LivePlayback, LivePublishing, LiveStream, Me, Team } from '@platform/contracts';
import { startEmbeddedPostgres } from '@platform/db';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { loginContext, Session, startPlatform, within, type RunningPlatform } from './bench-platform.ts';
import {
  flvPageHtml,
  serveBaselinePages,
  startBareNms,
  startHlsPackager,
  type BareNms,
  type HlsPackager,
  type PlayerSettings,
} from './live-baseline.ts';
import { HLS_LIVE_SETTINGS, MPEGTS_LIVE_SETTINGS } from '../../apps/web/src/lib/components/live/player-settings.ts';
import { percentile, readStripeWithFfmpeg, startStripe, STRIPE_READER, type LatencyRun, type Stripe } from './live-stripe.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.BENCH_PORT ?? 3440);
const LIVE_RTMP_PORT = Number(process.env.BENCH_LIVE_RTMP_PORT ?? 49350);
const LIVE_FLV_PORT = Number(process.env.BENCH_LIVE_FLV_PORT ?? 48935);
const LIVE_INGEST_PORT = Number(process.env.BENCH_LIVE_INGEST_PORT ?? 48936);
const BARE_RTMP_PORT = LIVE_RTMP_PORT + 1;
const BARE_FLV_PORT = LIVE_FLV_PORT + 2;
const WARMUP_MS = Number(process.env.BENCH_LIVE_WARMUP ?? 10) * 1000;
const SAMPLE_MS = Number(process.env.BENCH_LIVE_SECONDS ?? 30) * 1000;
const PATHS = new Set((process.env.BENCH_LIVE_PATHS ?? 'baseline,platform').split(','));
const VIEWPORT = { width: 1920, height: 1080 };
const SHANGHAI = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
/** A wall tile's <video> showing a live (LivePlayer). */
const WALL_LIVE_VIDEO = process.env.BENCH_LIVE_SELECTOR ?? '[data-testid="live-player"] video';

/**
 * The baseline players' settings: those of the platform's LivePlayer, so that the difference is
 * what the platform's path adds (ingest, API proxy, wall), not a different player tuning.
 */
const PLAYER: PlayerSettings = {
  mpegts: {
    ...MPEGTS_LIVE_SETTINGS,
    // BENCH_LIVE_MPEGTS='{"liveBufferLatencyMaxLatency":0.5}' tries other settings on the baseline page.
    ...(JSON.parse(process.env.BENCH_LIVE_MPEGTS ?? '{}') as Record<string, unknown>),
  },
  hls: {
    ...HLS_LIVE_SETTINGS,
    // BENCH_LIVE_HLS='{"liveSyncDurationCount":2}' tries other settings on the baseline page.
    ...(JSON.parse(process.env.BENCH_LIVE_HLS ?? '{}') as Record<string, unknown>),
  },
};

interface PathResult {
  name: string;
  run: LatencyRun | null;
  error?: string;
}

const loadAtStart = os.loadavg();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-live-'));
// mkdtemp makes it 0700; as root the platform would then keep PostgreSQL's data elsewhere.
await fs.chmod(scratch, 0o755);
let browser: Browser | undefined;
let nms: BareNms | undefined;
let packager: HlsPackager | undefined;
let pages: http.Server | undefined;
let platform: RunningPlatform | undefined;
let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
const stripes: Stripe[] = [];
let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const s of stripes) await s.stop().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await packager?.stop().catch(() => undefined);
    pages?.close();
    await nms?.stop().catch(() => undefined);
    await platform?.stop().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    await fs.rm(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)));

const results: PathResult[] = [];
try {
  browser = await chromium.launch({
    ...chromiumLaunchOptions(['--autoplay-policy=no-user-gesture-required']),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  console.log(
    `\n${os.cpus().length} cores, load average ${fmtLoad(loadAtStart)}; warm-up ${WARMUP_MS / 1000} s, ${SAMPLE_MS / 1000} s of samples per path\n`,
  );

  if (PATHS.has('baseline')) {
    // --- Baseline: bare node-media-server, no platform.
    nms = await startBareNms(root, BARE_RTMP_PORT, BARE_FLV_PORT, path.join(scratch, 'nms'));
    const stripe = startStripe(nms.rtmpUrl('bench'));
    stripes.push(stripe);
    await waitForFlv(nms.flvUrl('bench'), stripe);
    const hlsDir = path.join(scratch, 'hls');
    packager = await startHlsPackager(nms.flvUrl('bench'), hlsDir);
    pages = await serveBaselinePages(root, PORT + 1, hlsDir, PLAYER);
    const page = `http://127.0.0.1:${PORT + 1}`;
    results.push(
      await measure(
        'baseline  HTTP-FLV + mpegts.js (bare node-media-server)',
        `${page}/flv.html?src=${encodeURIComponent(nms.flvUrl('bench'))}`,
        '#v',
      ),
    );
    process.stdout.write('baseline  ffmpeg reading node-media-server (no browser): ');
    const floor = await readStripeWithFfmpeg(nms.flvUrl('bench'), Math.min(WARMUP_MS, 5_000), Math.min(SAMPLE_MS, 10_000));
    console.log(`${floor.length} samples`);
    results.push({ name: 'baseline  ffmpeg reading node-media-server (no browser)', run: floorRun(floor) });
    results.push(await measure('baseline  HLS 1 s fMP4 + hls.js (ffmpeg packager)', `${page}/hls.html`, '#v'));
    await packager.stop();
    packager = undefined;
    await stripe.stop();
    pages.close();
    pages = undefined;
    await nms.stop();
    nms = undefined;
  }

  if (PATHS.has('platform')) {
    // --- Platform: embedded ingest started by the API, the real wall.
    const build = path.join(root, 'apps/web/build');
    if (!existsSync(path.join(build, 'index.html'))) throw new Error('no built web app in apps/web/build: run `npm run build`');
    // A copy of the build: a rebuild by someone else during the run must not change the pages.
    await fs.cp(build, path.join(scratch, 'web'), { recursive: true });
    // Its own PostgreSQL and no in-process worker: the seeded catalogue media is not transcoded while we measure.
    database = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: 0, database: 'platform' });
    platform = await startPlatform(root, PORT, path.join(scratch, 'data'), {
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.url,
      SEED_DEMO: '1',
      SEED_DEMO_ACTIVITY: '0',
      WORKER_IN_PROCESS: '0',
      MEDIA_SIGNING_SECRET: 'bench-secret-that-is-long-enough-0123456789',
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      WEB_DIR: path.join(scratch, 'web'),
      LIVE_ENABLED: '1',
      LIVE_RTMP_HOST: '127.0.0.1',
      LIVE_RTMP_PORT: String(LIVE_RTMP_PORT),
      LIVE_FLV_PORT: String(LIVE_FLV_PORT),
      LIVE_INGEST_PORT: String(LIVE_INGEST_PORT),
    });
    const { base } = platform;
    const officer = await Session.login(base, 'officer1');
    const publishing = await createLive(officer);
    const stripe = startStripe(publishing.url.replace(/^rtmp:\/\/[^/:]+/, 'rtmp://127.0.0.1'));
    stripes.push(stripe);
    await waitForLive(officer, publishing.live.id, stripe);
    // One wall session (a privileged login completes TOTP once per run), one tab per path.
    const wall = await newContext();
    await loginContext(wall.request, 'command');
    results.push(await sample(wall, 'platform  HTTP-FLV + mpegts.js (wall, /api/live-media)', `${base}/command`, WALL_LIVE_VIDEO));
    results.push(await sample(wall, 'platform  HLS fallback (wall, ?livePlayer=hls)', `${base}/command?livePlayer=hls`, WALL_LIVE_VIDEO));
    if (PATHS.has('media')) {
      // The platform's media path without the wall: the bare page, served on the platform's origin
      // (so the session cookie goes with the stream request), playing playLive's HTTP-FLV link.
      const { flvUrl } = (await (await wall.request.get(`/api/live/${publishing.live.id}/play`)).json()) as LivePlayback;
      await wall.route(`${base}/__bench/flv.html*`, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: flvPageHtml(PLAYER, '/__bench/mpegts.js') }),
      );
      await wall.route(`${base}/__bench/mpegts.js`, (route) =>
        route.fulfill({ contentType: 'text/javascript', path: path.join(root, 'node_modules/mpegts.js/dist/mpegts.js') }),
      );
      results.push(
        await sample(
          wall,
          'platform  HTTP-FLV + mpegts.js (bare page, /api/live-media)',
          `${base}/__bench/flv.html?src=${encodeURIComponent(flvUrl)}`,
          '#v',
        ),
      );
    }
    await wall.close();
    await stripe.stop();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
print(results);

/** Opens `url` in a fresh 1920×1080 context and reads the latency of `selector`'s frames. */
async function measure(name: string, url: string, selector: string): Promise<PathResult> {
  const context = await newContext();
  try {
    return await sample(context, name, url, selector);
  } finally {
    await context.close();
  }
}

async function newContext(): Promise<BrowserContext> {
  const context = await browser!.newContext({ viewport: VIEWPORT, ...SHANGHAI, baseURL: platform?.base });
  await context.addInitScript({ content: STRIPE_READER });
  return context;
}

/** One tab at a time: opens `url`, waits for the first frame and the warm-up, then samples. */
async function sample(context: BrowserContext, name: string, url: string, selector: string): Promise<PathResult> {
  process.stdout.write(`${name}: `);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const run = await within(
      page.evaluate(({ s, w, n }) => window.__liveLatency(s, w, n), { s: selector, w: WARMUP_MS, n: SAMPLE_MS }),
      WARMUP_MS + SAMPLE_MS + 60_000,
      `${SAMPLE_MS / 1000} s of frames of ${selector}`,
    );
    console.log(
      `first frame after ${Math.round(run.firstFrameAfter)} ms, ${run.samples.length} samples (${run.unreadable} unreadable), ` +
        `buffered ahead of the playhead ${Math.round(percentile(run.ahead, 50))} ms (median), ` +
        `${run.videoWidth}×${run.videoHeight}, dropped ${run.droppedFrames}/${run.totalFrames}, ${run.freezes} freezes > 0.5 s`,
    );
    console.log(`   medians of each 5 s: ${windowMedians(run, 5_000).join(' ')} ms`);
    return { name, run };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    console.log(`FAILED: ${message}`);
    return { name, run: null, error: message };
  } finally {
    await page.close();
  }
}

/** The median latency of each `windowMs` of the sampling, to show drift, jumps and freezes. */
function windowMedians(run: LatencyRun, windowMs: number): number[] {
  const windows: number[][] = [];
  run.samples.forEach((v, i) => (windows[Math.floor(run.times[i]! / windowMs)] ??= []).push(v));
  return [...windows].map((w) => (w ? Math.round(percentile(w, 50)) : NaN));
}

/** Samples taken outside a browser, in the shape of a browser's run. */
function floorRun(samples: number[]): LatencyRun {
  return {
    samples,
    times: [],
    ahead: [],
    warmupFrames: 0,
    unreadable: 0,
    freezes: 0,
    firstFrameAfter: 0,
    droppedFrames: 0,
    totalFrames: 0,
    videoWidth: 1280,
    videoHeight: 720,
  };
}

/** Waits until node-media-server serves the stream (the encoder connected and sent its headers). */
async function waitForFlv(url: string, stripe: Stripe): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const abort = new AbortController();
    const res = await fetch(url, { signal: abort.signal }).catch(() => null);
    const body = res?.ok ? await res.body?.getReader().read() : undefined;
    abort.abort();
    if (body?.value?.length) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no stream at ${url} within 15 s; encoder: ${stripe.log()}`);
}

/** A live of officer1's enterprise for a new team (createLive), with its publish address. */
async function createLive(officer: Session): Promise<LivePublishing> {
  const me = await officer.json<Me>('GET', '/api/auth/me');
  const team = await officer.json<Team>('POST', `/api/enterprises/${me.enterprise!.id}/teams`, {
    name: '直播基准组',
    leaderName: '班长',
    members: [{ name: '张三' }],
  });
  return officer.json<LivePublishing>('POST', '/api/live', { teamId: team.id, title: '延迟基准' });
}

/** Waits until the platform reports the live on air (the ingest saw the push). */
async function waitForLive(officer: Session, liveId: string, stripe: Stripe): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const live = await officer.json<LiveStream>('GET', `/api/live/${liveId}`);
    if (live.status === 'LIVE') return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`live ${liveId} not LIVE within 30 s; encoder: ${stripe.log()}`);
}

function print(all: PathResult[]): void {
  const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '—');
  const stat = (r: PathResult | undefined) =>
    r?.run?.samples.length ? { n: r.run.samples.length, p50: percentile(r.run.samples, 50), p95: percentile(r.run.samples, 95) } : null;
  const find = (side: string, hls: boolean) =>
    all.find((r) => r.name.startsWith(side) && r.name.includes('HLS') === hls && !r.name.includes('no browser'));
  /** Against the baseline of the same delivery: difference of the medians (and p95s), ratio of the medians. */
  const versus = (r: PathResult) => {
    const s = stat(r),
      b = stat(find('baseline', r.name.includes('HLS')));
    if (!s || !b || r.name.startsWith('baseline')) return '';
    const sign = (v: number) => `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`;
    return `${sign(s.p50 - b.p50)} / ${sign(s.p95 - b.p95)}  ${(s.p50 / b.p50).toFixed(2)}×`;
  };
  const loadAtEnd = os.loadavg();
  console.log(
    `\n=== live benchmark: glass-to-glass latency (wall clock burnt into the pushed video, read at the player), headless Chromium ===`,
  );
  console.log(
    `load average at start ${fmtLoad(loadAtStart)}, at end ${fmtLoad(loadAtEnd)} (${os.cpus().length} cores); ` +
      `1280×720 25 fps H.264 (1 s GOP) + AAC; ${WARMUP_MS / 1000} s warm-up, ${SAMPLE_MS / 1000} s of samples per path`,
  );
  console.log(`${''.padEnd(62)}${'samples'.padStart(8)}${'median'.padStart(10)}${'p95'.padStart(10)}   vs baseline (median / p95, ratio)`);
  for (const r of all) {
    const s = stat(r);
    console.log(
      `${r.name.padEnd(62)}${(s ? String(s.n) : '—').padStart(8)}${(s ? ms(s.p50) : '—').padStart(10)}${(s ? ms(s.p95) : '—').padStart(10)}   ` +
        (r.error ? `failed: ${r.error}` : versus(r)),
    );
  }
  console.log('');
  for (const [hls, label, target] of [
    [false, 'wall, low-latency path (HTTP-FLV + mpegts.js)', 1000],
    [true, 'wall, HLS fallback (hls.js)', 4000],
  ] as const) {
    const wall = find('platform', hls),
      s = stat(wall),
      b = stat(find('baseline', hls));
    const verdict = (v: number) => (v <= target ? 'PASS' : 'FAIL');
    console.log(
      `${label.padEnd(46)} median ${(s ? ms(s.p50) : '—').padStart(7)}, p95 ${(s ? ms(s.p95) : '—').padStart(7)}` +
        `   bare baseline ${b ? `${ms(b.p50)} / ${ms(b.p95)}` : '—'}, platform adds ${s && b ? ms(s.p50 - b.p50) : '—'}` +
        `   target ≤ ${target / 1000} s: ${s ? `median ${verdict(s.p50)}, p95 ${verdict(s.p95)}` : 'not measured'}`,
    );
  }
}

function fmtLoad(l: number[]): string {
  return l.map((v) => v.toFixed(2)).join(' ');
}
