// The baseline of `npm run bench:live`: the same stripe pushed into a bare node-media-server in this
// process (nothing of the platform in between), played by mpegts.js (HTTP-FLV straight from
// node-media-server) or by hls.js (an ffmpeg HLS packager reading node-media-server, 1 s fMP4
// segments, served as static files) on a minimal page from a tiny local HTTP server.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface BareNms {
  rtmpUrl(stream: string): string;
  flvUrl(stream: string): string;
  stop(): Promise<void>;
}

interface NodeMediaServer {
  run(): Promise<void>;
  stop(): Promise<void>;
}

/** node-media-server on 127.0.0.1 with RTMP in and HTTP-FLV out, no auth, no recording, quiet. */
export async function startBareNms(root: string, rtmpPort: number, httpPort: number, storeDir: string): Promise<BareNms> {
  const require = createRequire(path.join(root, 'apps/ingest/package.json'));
  const NodeMediaServer = require('node-media-server') as new (config: object) => NodeMediaServer;
  const logger = require('node-media-server/src/core/logger.js') as { level: string };
  // Its constructor sets the log level to debug and prints a banner; neither belongs in the figures.
  const log = console.log;
  console.log = () => {};
  let nms: NodeMediaServer;
  try {
    nms = new NodeMediaServer({
      bind: '127.0.0.1',
      rtmp: { port: rtmpPort },
      http: { port: httpPort },
      webadmin: { enable: false },
      record: { auto: false },
      store: { path: storeDir },
    });
  } finally {
    console.log = log;
  }
  logger.level = 'error';
  await nms.run();
  await waitForPort(httpPort);
  return {
    rtmpUrl: (stream) => `rtmp://127.0.0.1:${rtmpPort}/live/${stream}`,
    flvUrl: (stream) => `http://127.0.0.1:${httpPort}/live/${stream}.flv`,
    stop: () => nms.stop(),
  };
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`node-media-server did not listen on ${port}`);
}

export interface HlsPackager {
  stop(): Promise<void>;
}

/**
 * Live fMP4 HLS of `flvUrl` in `dir` (live.m3u8, init.mp4, seg_NNNNN.m4s), as the ingest packages
 * it: stream copy, `segmentSeconds` segments (cut at the encoder's keyframes), a window of `window`.
 */
export async function startHlsPackager(flvUrl: string, dir: string, segmentSeconds = 1, window = 6): Promise<HlsPackager> {
  await fs.mkdir(dir, { recursive: true });
  const child: ChildProcess = spawn(
    process.env.FFMPEG_PATH ?? 'ffmpeg',
    [
      '-nostdin',
      '-loglevel',
      'error',
      '-fflags',
      'nobuffer',
      '-i',
      flvUrl,
      '-map',
      '0:v',
      '-map',
      '0:a?',
      '-c',
      'copy',
      '-f',
      'hls',
      '-hls_time',
      String(segmentSeconds),
      '-hls_list_size',
      String(window),
      '-hls_flags',
      'delete_segments+independent_segments+omit_endlist',
      '-hls_segment_type',
      'fmp4',
      '-hls_fmp4_init_filename',
      'init.mp4',
      '-hls_segment_filename',
      path.join(dir, 'seg_%05d.m4s'),
      path.join(dir, 'live.m3u8'),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise((r) => child.once('exit', r));
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  return {
    async stop() {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT ends the playlist cleanly, unless ffmpeg is blocked reading a stream that went quiet.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Player settings of the baseline pages (kept equal to the platform's LivePlayer where it says so). */
export interface PlayerSettings {
  mpegts: Record<string, unknown>;
  hls: Record<string, unknown>;
}

const VIDEO = `<video id="v" muted autoplay playsinline style="width:640px;height:360px;background:#000"></video>`;

/** A bare page playing `?src=` (HTTP-FLV) with mpegts.js loaded from `script`. */
export function flvPageHtml(settings: PlayerSettings, script: string): string {
  return `<!doctype html><meta charset="utf-8"><title>baseline flv</title>${VIDEO}
<script src="${script}"></script>
<script>
const v = document.getElementById('v');
const src = new URLSearchParams(location.search).get('src');
const p = mpegts.createPlayer({ type: 'flv', isLive: true, url: src }, ${JSON.stringify(settings.mpegts)});
p.attachMediaElement(v); p.load(); v.muted = true; p.play();
</script>`;
}

/**
 * A tiny HTTP server with two pages: `/flv.html?src=<url>` (mpegts.js) and `/hls.html` (hls.js on
 * `/hls/live.m3u8`, files from `hlsDir`). Each page has one <video id="v"> of a wall tile's size.
 */
export async function serveBaselinePages(root: string, port: number, hlsDir: string, settings: PlayerSettings): Promise<http.Server> {
  const flvPage = flvPageHtml(settings, '/mpegts.js');
  const hlsPage = `<!doctype html><meta charset="utf-8"><title>baseline hls</title>${VIDEO}
<script src="/hls.js"></script>
<script>
const v = document.getElementById('v');
const hls = new Hls(${JSON.stringify(settings.hls)});
hls.on(Hls.Events.MANIFEST_PARSED, () => v.play());
hls.loadSource('/hls/live.m3u8'); hls.attachMedia(v);
</script>`;
  const scripts: Record<string, string> = {
    '/mpegts.js': path.join(root, 'node_modules/mpegts.js/dist/mpegts.js'),
    '/hls.js': path.join(root, 'node_modules/hls.js/dist/hls.min.js'),
  };
  const types: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.mp4': 'video/mp4', '.m4s': 'video/iso.segment' };
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/flv.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(flvPage);
      if (url.pathname === '/hls.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hlsPage);
      const script = scripts[url.pathname];
      if (script) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(await fs.readFile(script));
      const name = url.pathname.startsWith('/hls/') ? path.basename(url.pathname) : '';
      const body = name ? await fs.readFile(path.join(hlsDir, name)).catch(() => null) : null;
      if (!body) return res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
        .end(body);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
