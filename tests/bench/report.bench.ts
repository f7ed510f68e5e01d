// npm run bench:report — how long a phone report takes to reach the command-centre wall, in
// headless Debian Chromium: an officer on a phone (Pixel 7 emulation, uplink throttled through
// CDP to 4 Mbit/s with 100 ms latency) picks a 60 s 1080p clip at a phone's bit rate (~17 Mbit/s)
// and two photos on /enterprise/report, with the record already filled in, and presses 上报. Timed
// from that click to the first frame of the meeting's video on a wall (desktop, not throttled)
// opened before it. Run twice in one process, each time for another past day's slot:
//   1. compressed in the browser (the default: WebCodecs to ≤720p H.264 at 1 Mbit/s, audio at 64 kbit/s);
//   2. uncompressed (localStorage platform.report.compress=off), the baseline.
// Compressed first: the baseline is network-bound while compression is CPU-bound, so the run that
// needs the CPU goes first, and the next run starts only after the first one's renditions are
// READY (the server's transcoding would otherwise compete with the phone's encoder).
// Prints bytes sent, the measured upload rate, compression and upload times; the headline last.
// BENCH_REPORT_SECONDS shortens the clip (default 60); BENCH_PORT (default 3320).
// Needs a built web app (`npm run build`; the npm script does it), /usr/bin/chromium and ffmpeg.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Media, Meeting } from '@platform/contracts';
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { loginContext, shanghaiDay, startPlatform, within, type RunningPlatform } from './bench-platform.ts';
import { FRAME_PROBE } from './frame-probe.ts';
import { PHASE_PROBE, PhoneTraffic, type PhaseSeen } from './phone-traffic.ts';
import { reportMedia } from './report-media.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.BENCH_PORT ?? 3320);
const SECONDS = Number(process.env.BENCH_REPORT_SECONDS ?? 60);
const UPLINK_BYTES_PER_S = 500_000; // 4 Mbit/s
const LATENCY_MS = 100;
const DOWNLINK_BYTES_PER_S = 12_500_000; // 100 Mbit/s: generous, the report only goes up
const RUN_TIMEOUT_MS = 20 * 60_000;
const SHANGHAI = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

const COMPRESSION_OFF = `try { localStorage.setItem('platform.report.compress', 'off'); } catch {}`;

interface RunResult {
  label: string;
  /** 上报 → first frame on the wall. */
  toFrame: number;
  /** 上报 → the answer to POST /api/meetings, and → the video upload's completion. */
  toMeeting: number;
  toComplete: number;
  /** Bodies of every API request the phone sent after the files were picked. */
  bytesSent: number;
  uplinkBitsPerS: number;
  compression: number | null;
  upload: number;
  lines: string[];
  assetIds: string[];
}

const loadAtStart = os.loadavg();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-report-'));
// mkdtemp makes it 0700; as root the platform would then keep PostgreSQL's data under /var/tmp
// (the postgres user must reach it), where nothing removes it after the run.
await fs.chmod(scratch, 0o755);
let platform: RunningPlatform | undefined;
let browser: Browser | undefined;
// Once, whichever comes first: the end of the run, or Ctrl-C / kill (which skip `finally`).
let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    await browser?.close().catch(() => undefined);
    await platform?.stop().catch(() => undefined);
    // PostgreSQL (the server's child) may still be writing its last files for a moment.
    await fs.rm(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)));

try {
  const media = await reportMedia(root, path.join(root, 'tmp', 'bench-report'), SECONDS);
  const videoBytes = (await fs.stat(media.video)).size;
  // A copy of the build: a rebuild by someone else during the run must not change the pages.
  const build = path.join(root, 'apps/web/build');
  if (!existsSync(path.join(build, 'index.html'))) throw new Error('no built web app in apps/web/build: run `npm run build`');
  await fs.cp(build, path.join(scratch, 'web'), { recursive: true });
  // No demo meetings: the wall shows only this run's meeting, and past days' slots are free.
  platform = await startPlatform(root, PORT, path.join(scratch, 'data'), { WEB_DIR: path.join(scratch, 'web'), SEED_DEMO_ACTIVITY: '0' });
  const { base } = platform;
  browser = await chromium.launch({
    ...chromiumLaunchOptions(['--autoplay-policy=no-user-gesture-required']),
    // Playwright would exit the process on Ctrl-C once Chromium is closed, before the platform is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const wallContext = await browser.newContext({ baseURL: base, viewport: { width: 1920, height: 1080 }, ...SHANGHAI });
  await wallContext.addInitScript({ content: FRAME_PROBE });
  await loginContext(wallContext.request, 'command');
  console.log(
    `\n${os.cpus().length} cores, load average ${fmtLoad(loadAtStart)}; platform on ${base}; clip ${SECONDS} s 1080p, ` +
      `${mb(videoBytes)} (${((videoBytes * 8) / SECONDS / 1e6).toFixed(1)} Mbit/s); uplink ${(UPLINK_BYTES_PER_S * 8) / 1e6} Mbit/s, ${LATENCY_MS} ms\n`,
  );

  const results: RunResult[] = [];
  for (const [index, compressed] of [true, false].entries()) {
    const result = await reportOnce(browser, wallContext, base, compressed, shanghaiDay(-2 - index), media);
    results.push(result);
    console.log(result.lines.join('\n') + '\n');
    if (index === 0) {
      const started = Date.now();
      await untilReady(wallContext, result.assetIds);
      console.log(`   (waited ${secs(Date.now() - started)} for its renditions to be READY before the next run)\n`);
    }
  }

  const [small, full] = results as [RunResult, RunResult];
  const loadAtEnd = os.loadavg();
  const row = (name: string, a: string, b: string, ratio = '') =>
    console.log(`${name.padEnd(50)}${a.padStart(14)}${b.padStart(16)}${ratio.padStart(10)}`);
  console.log(`=== report benchmark: ${SECONDS} s 1080p clip + 2 photos, phone uplink 4 Mbit/s / ${LATENCY_MS} ms, headless Chromium ===`);
  console.log(`load average at start ${fmtLoad(loadAtStart)}, at end ${fmtLoad(loadAtEnd)} (${os.cpus().length} cores)`);
  row('', 'compressed', 'uncompressed', 'ratio');
  row('bytes sent (request bodies)', mb(small.bytesSent), mb(full.bytesSent), ratio(small.bytesSent, full.bytesSent));
  row('measured uplink during parts', mbit(small.uplinkBitsPerS), mbit(full.uplinkBitsPerS));
  row('video compression in the browser', small.compression === null ? '—' : secs(small.compression), '—');
  row('上报 → meeting created (tile on the wall)', secs(small.toMeeting), secs(full.toMeeting));
  row('video upload (first part → complete)', secs(small.upload), secs(full.upload), ratio(small.upload, full.upload));
  row('upload complete → first frame on the wall', secs(small.toFrame - small.toComplete), secs(full.toFrame - full.toComplete));
  row('上报 → first frame on an open wall (target ≤ 40 s)', secs(small.toFrame), secs(full.toFrame), ratio(small.toFrame, full.toFrame));
} finally {
  await cleanup();
}

/** One report from a fresh phone context to the first frame on a freshly opened wall page. */
async function reportOnce(
  browser: Browser,
  wallContext: BrowserContext,
  base: string,
  compressed: boolean,
  day: string,
  media: { video: string; photos: string[] },
): Promise<RunResult> {
  const label = compressed ? 'compressed' : 'uncompressed';
  const wall = await wallContext.newPage();
  const phone = await browser.newContext({ ...devices['Pixel 7'], baseURL: base, ...SHANGHAI });
  try {
    await wall.goto('/command');
    await wall.getByTestId('wall-layout-4').click();
    await wall.locator('[data-testid="wall-connection"][data-connected="true"]').waitFor();

    if (!compressed) await phone.addInitScript({ content: COMPRESSION_OFF });
    await phone.addInitScript({ content: PHASE_PROBE });
    await loginContext(phone.request, 'officer1');
    const page = await phone.newPage();
    const cdp = await phone.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      uploadThroughput: UPLINK_BYTES_PER_S,
      downloadThroughput: DOWNLINK_BYTES_PER_S,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`/enterprise?date=${day}`);
    await page.getByTestId('board-report').first().click();
    await page.waitForURL(/\/enterprise\/report\?/);
    await page.getByTestId('report-form').waitFor();
    await page.fill('textarea[name=taskBriefing]', '装卸区叉车作业，分工到人');
    await page.fill('textarea[name=safetyBriefing]', '注意车辆盲区，禁止人车混行');
    await page.fill('textarea[name=measureBriefing]', '设警戒区，专人指挥，佩戴反光背心');

    const traffic = new PhoneTraffic(page);
    const pickedAt = Date.now();
    await page.setInputFiles('[data-testid=pick-media]', [media.video, ...media.photos]);
    // 上报 needs the files in the list (they are stored on the device first).
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-file"]').length === 3, null, { timeout: 120_000 });
    const listedAt = Date.now();
    await page.getByTestId('report-submit').click();
    await page.waitForURL((url) => url.pathname === '/enterprise');
    const t0 = (await page.evaluate(() => (window as unknown as { __submitAt: number }).__submitAt))!;

    const answer = await within(traffic.meetingAnswer(), RUN_TIMEOUT_MS, 'the meeting to be created');
    if (answer.status !== 201 || !answer.id) throw new Error(`report refused (${answer.status}): ${answer.body}`);
    const tile = `[data-testid="wall-tile"][data-meeting-id="${answer.id}"]`;
    await wall.locator(tile).waitFor({ timeout: 30_000 });
    // Pinned, so neither rotation nor a reload after a reconnect takes it off before its video plays.
    await wall.locator(`${tile} [data-testid="tile-pin"]`).dispatchEvent('click');
    const [t1, status] = await Promise.all([
      within(
        wall.evaluate(
          async (s) =>
            performance.timeOrigin + (await (window as unknown as { __firstFrame: (s: string) => Promise<number> }).__firstFrame(s)),
          `${tile} video`,
        ),
        RUN_TIMEOUT_MS,
        'the first frame on the wall',
      ),
      within(outboxOutcome(page), RUN_TIMEOUT_MS, 'the report to be sent'),
    ]);
    if (status.status !== 'sent') throw new Error(`report ${status.status}: ${status.text}`);
    await untilPlaying(wall, `${tile} video`);
    await traffic.settled();

    const phases = (await page.evaluate(() => (window as unknown as { __phases: PhaseSeen[] }).__phases)) ?? [];
    const uploads = [...traffic.uploads.values()];
    const video = uploads.find((u) => u.contentType.startsWith('video/'));
    if (!video || uploads.length !== 3 || uploads.some((u) => !u.completedAt))
      throw new Error(`not every file was sent: ${JSON.stringify(uploads)}`);
    const meeting = (await (await phone.request.get(`/api/meetings/${answer.id}`)).json()) as Meeting;
    if (meeting.mediaDetails.length !== 3) throw new Error(`the meeting has ${meeting.mediaDetails.length} files, not 3`);
    const okParts = traffic.parts.filter((p) => p.ok);
    const partBytes = okParts.reduce((sum, p) => sum + p.bytes, 0);
    const partMs = okParts.reduce((sum, p) => sum + p.endedAt - p.startedAt, 0);
    const videoParts = okParts.filter((p) => p.uploadId === video.id);
    const videoFirstPart = Math.min(...videoParts.map((p) => p.startedAt));
    const videoKey = phases.find((p) => p.key.startsWith('VIDEO:'))?.key;
    const compressingAt = phases.find((p) => p.key === videoKey && p.phase === 'compressing')?.at;
    const readyAt = phases.find((p) => p.key === videoKey && p.phase === 'ready')?.at;
    const compression = compressed && compressingAt && readyAt ? readyAt - compressingAt : null;
    const rel = (at: number) => `t0${at >= t0 ? '+' : '−'}${secs(Math.abs(at - t0))}`;
    const uplink = partMs ? (partBytes * 8 * 1000) / partMs : 0;
    const original = new Map([media.video, ...media.photos].map((f) => [path.basename(f).replace(/\.\w+$/, ''), f]));
    const lines = [
      `[${label}] ${status.label} · meeting ${answer.id} · ${uploads.length} files, report ${status.status}`,
      ...(await Promise.all(
        uploads.map(async (u) => {
          const from = original.get(u.fileName.replace(/\.\w+$/, ''));
          const before = from ? (await fs.stat(from)).size : null;
          return `   ${u.fileName.padEnd(28)} ${before === null ? '?' : mb(before)} → ${mb(u.size)} sent in ${u.partSizes.size} part(s), complete at ${rel(u.completedAt!)}`;
        }),
      )),
      `   files picked → listed ${secs(listedAt - pickedAt)}; 上报 pressed ${secs(t0 - listedAt)} later (= t0)`,
      compression === null
        ? `   video not compressed (ready at ${readyAt ? rel(readyAt) : '?'})`
        : `   video compression ${rel(compressingAt!)} → ${rel(readyAt!)}: ${secs(compression)} (${(compression / 1000 / SECONDS).toFixed(2)}× the clip's length)`,
      `   meeting created at ${rel(answer.at)}; video parts ${rel(videoFirstPart)} → complete ${rel(video.completedAt!)} (${secs(video.completedAt! - videoFirstPart)})`,
      `   first frame on the wall at ${rel(t1)} (${secs(t1 - video.completedAt!)} after the upload completed)`,
      `   bytes sent: ${mb(traffic.bodyBytes)} in ${traffic.requests} API requests (${mb(partBytes)} in ${okParts.length} parts, ${traffic.failed} failed requests); ` +
        `measured uplink over the parts ${mbit(uplink)} (throttle ${mbit(UPLINK_BYTES_PER_S * 8)})`,
    ];
    // The report should reach the server as soon as every file has an upload, not after their bytes.
    if (answer.at > video.completedAt!) lines.push('   NOTE: the meeting was created only after the video upload had completed');
    if (uplink > UPLINK_BYTES_PER_S * 8 * 1.1)
      lines.push('   WARNING: parts went up faster than the throttle: it did not apply to uploads');
    if (errors.length) lines.push(`   phone console errors: ${errors.slice(0, 5).join(' | ')}`);
    return {
      label,
      toFrame: t1 - t0,
      toMeeting: answer.at - t0,
      toComplete: video.completedAt! - t0,
      bytesSent: traffic.bodyBytes,
      uplinkBitsPerS: uplink,
      compression,
      upload: video.completedAt! - videoFirstPart,
      lines,
      assetIds: uploads.map((u) => u.assetId),
    };
  } finally {
    await wall.close();
    await phone.close();
  }
}

/** The outbox entry's final state on the phone's board: sent, or refused with the reason shown. */
async function outboxOutcome(page: Page): Promise<{ status: string; text: string; label: string }> {
  const report = page.locator('[data-testid="outbox-report"][data-status="sent"], [data-testid="outbox-report"][data-status="refused"]');
  await report.first().waitFor({ timeout: 0 });
  return {
    status: (await report.first().getAttribute('data-status')) ?? '?',
    text: (await report.first().getByTestId('outbox-status').textContent())?.trim() ?? '',
    label: (await report.first().locator('.outbox__label').textContent())?.trim() ?? '',
  };
}

/** The tile's video really plays on (its position advances), not just one frame. */
async function untilPlaying(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => ((document.querySelector(s) as HTMLVideoElement | null)?.currentTime ?? 0) > 0.5, selector, {
    timeout: 60_000,
    polling: 250,
  });
}

/** Polls the media until every asset is READY (renditions done) or one FAILED. */
async function untilReady(context: BrowserContext, assetIds: string[]): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (const id of assetIds) {
    for (;;) {
      const media = (await (await context.request.get(`/api/media/${id}`)).json()) as Media;
      if (media.status === 'READY') break;
      if (media.status === 'FAILED') throw new Error(`asset ${id} failed: ${JSON.stringify(media.failure)}`);
      if (Date.now() > deadline) throw new Error(`asset ${id} not READY after ${secs(RUN_TIMEOUT_MS)} (${media.status})`);
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
}

// Function declarations, not consts: the run above uses them before this line is reached.
function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
function mbit(bitsPerS: number): string {
  return `${(bitsPerS / 1e6).toFixed(2)} Mbit/s`;
}
function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}
function fmtLoad(load: number[]): string {
  return load.map((l) => l.toFixed(2)).join(' ');
}
