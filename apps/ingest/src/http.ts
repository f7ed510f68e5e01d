import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { Logger } from '@platform/core';
import { LiveEndReason } from '@platform/contracts';
import { scrapeAllowed, scrapeRequestOf, type Registry } from '@platform/jobs/metrics';
import type { CameraManager } from './cameras.ts';
import { publisherHasNoAudio, withoutFlvAudioFlag } from './flv-header.ts';
import type { LiveManager } from './lives.ts';
import type { MediaServer, StreamPath } from './media-server.ts';
import { hlsDir } from './recording.ts';

export const INGEST_SECRET_HEADER = 'x-ingest-secret';

export interface InternalHttpDeps {
  secret: string;
  nms: MediaServer;
  lives: LiveManager;
  cameras: CameraManager;
  workDir: string;
  log: Logger;
  /** The process's metrics, served at `/metrics` under the API's rule (METRICS_TOKEN, else loopback). */
  metrics: { registry: Registry; token: string | undefined };
}

const ID = '([0-9a-fA-F-]{36})';
const HLS_FILE = '(live\\.m3u8|init\\.mp4|seg_\\d{1,9}\\.m4s)';
const routes = {
  liveFlv: new RegExp(`^/streams/live/${ID}\\.flv$`),
  cameraFlv: new RegExp(`^/streams/camera/${ID}\\.flv$`),
  liveHls: new RegExp(`^/streams/live/${ID}/hls/${HLS_FILE}$`),
  cameraHls: new RegExp(`^/streams/camera/${ID}/hls/${HLS_FILE}$`),
  end: new RegExp(`^/control/lives/${ID}/end$`),
  disconnect: new RegExp(`^/control/lives/${ID}/disconnect$`),
  start: new RegExp(`^/control/lives/${ID}/start$`),
  check: new RegExp(`^/control/cameras/${ID}/check$`),
};

/**
 * The ingest's internal HTTP, for the API only (every request carries the shared secret):
 * HTTP-FLV and live HLS of lives and cameras, control of lives, camera checks, health. Two paths
 * need no secret, for the orchestrator and Prometheus: `GET /health/live` and `GET /metrics`.
 */
export function createInternalServer(deps: InternalHttpDeps): http.Server {
  const secret = Buffer.from(deps.secret);
  const authorised = (req: http.IncomingMessage) => {
    const given = Buffer.from(String(req.headers[INGEST_SECRET_HEADER] ?? ''));
    return given.length === secret.length && timingSafeEqual(given, secret);
  };
  return http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health/live') return json(res, 200, { status: 'ok' });
    if (req.method === 'GET' && req.url === '/metrics') return void serveMetrics(deps, req, res);
    if (!authorised(req)) return json(res, 403, { code: 'FORBIDDEN' });
    handle(deps, req, res).catch((error: unknown) => {
      deps.log.error({ err: error, url: req.url }, 'ingest request failed');
      if (!res.headersSent) json(res, 500, { code: 'INTERNAL' });
      else res.destroy();
    });
  });
}

async function handle(deps: InternalHttpDeps, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = (req.url ?? '/').split('?')[0]!;
  const { lives, cameras } = deps;
  let m: RegExpExecArray | null;
  if (req.method === 'GET' && url === '/health') return json(res, 200, { ok: true, lives: lives.onAirCount });

  if (req.method === 'GET' && (m = routes.liveFlv.exec(url))) {
    const rt = lives.runtimeOf(m[1]!);
    if (!rt || !deps.nms.hasVideo(rt.viewPath)) return json(res, 404, { code: 'LIVE_NOT_LIVE' });
    if (rt.cameraId) return proxyFlv(deps, req, res, rt.viewPath, rt.cameraId);
    return proxyFlv(deps, req, res, rt.viewPath);
  }
  if (req.method === 'GET' && (m = routes.cameraFlv.exec(url))) {
    const cameraId = m[1]!;
    cameras.viewer(cameraId, true);
    let released = false;
    const release = () => {
      if (!released) cameras.viewer(cameraId, false);
      released = true;
    };
    res.once('close', release);
    const failure = await cameras.ensure(cameraId);
    if (failure) {
      release();
      return json(res, 503, { code: 'CAMERA_UNREACHABLE', params: { reason: failure } });
    }
    return proxyFlv(deps, req, res, `/camera/${cameraId}`);
  }
  if (req.method === 'GET' && (m = routes.liveHls.exec(url))) {
    const rt = lives.runtimeOf(m[1]!);
    if (!rt) return json(res, 404, { code: 'LIVE_NOT_LIVE' });
    if (rt.cameraId) cameras.touchHls(rt.cameraId);
    return serveHls(res, hlsDir(deps.workDir, m[1]!), m[2]!);
  }
  if (req.method === 'GET' && (m = routes.cameraHls.exec(url))) {
    const cameraId = m[1]!;
    // A camera recorded by a live serves that live's window; otherwise its own viewing window.
    const recording = lives.recordingCamera(cameraId);
    cameras.touchHls(cameraId);
    if (!recording) void cameras.ensure(cameraId);
    const dir = recording && lives.runtimeOf(recording)?.publishing ? hlsDir(deps.workDir, recording) : cameras.hlsDirOf(cameraId);
    return serveHls(res, dir, m[2]!);
  }

  if (req.method === 'POST' && (m = routes.end.exec(url))) {
    const body = await readJson(req);
    const parsed = LiveEndReason.safeParse(body?.reason ?? 'ENDED_BY_USER');
    if (!parsed.success) return json(res, 400, { code: 'VALIDATION_FAILED' });
    await lives.end(m[1]!, parsed.data);
    return empty(res, 204);
  }
  if (req.method === 'POST' && (m = routes.disconnect.exec(url))) {
    lives.disconnect(m[1]!);
    return empty(res, 204);
  }
  if (req.method === 'POST' && (m = routes.start.exec(url))) {
    await lives.startCameraLive(m[1]!);
    return empty(res, 202);
  }
  if (req.method === 'POST' && (m = routes.check.exec(url))) {
    const probe = await cameras.check(m[1]!);
    if (!probe) return json(res, 404, { code: 'NOT_FOUND' });
    return json(res, 200, { status: probe.status, reason: probe.reason, videoCodec: probe.videoCodec });
  }
  return json(res, 404, { code: 'NOT_FOUND' });
}

/**
 * Streams node-media-server's HTTP-FLV of `streamPath` to the client: piped (backpressure
 * both ways), and the upstream dropped the moment the client goes.
 */
function proxyFlv(
  deps: InternalHttpDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  streamPath: StreamPath,
  cameraId?: string,
): void {
  if (cameraId) {
    deps.cameras.viewer(cameraId, true);
    res.once('close', () => deps.cameras.viewer(cameraId, false));
  }
  const upstream = http.get(deps.nms.flvUrl(streamPath), (up) => {
    if (up.statusCode !== 200) {
      up.resume();
      return json(res, 404, { code: 'LIVE_NOT_LIVE' });
    }
    res.writeHead(200, { 'content-type': 'video/x-flv', 'cache-control': 'no-store', connection: 'close' });
    // A source without sound: the header must not promise audio, or the player waits for it forever.
    if (publisherHasNoAudio(deps.nms.publisherOf(streamPath))) up.pipe(withoutFlvAudioFlag()).pipe(res);
    else up.pipe(res);
    up.once('end', () => res.end());
  });
  upstream.once('error', () => {
    if (!res.headersSent) json(res, 502, { code: 'LIVE_INGEST_UNAVAILABLE' });
    else res.destroy();
  });
  const abort = () => upstream.destroy();
  req.once('close', abort);
  res.once('close', abort);
}

const HLS_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  mp4: 'video/mp4',
  m4s: 'video/iso.segment',
};

async function serveHls(res: http.ServerResponse, dir: string, file: string): Promise<void> {
  const full = path.join(dir, file);
  const stat = await fs.stat(full).catch(() => null);
  if (!stat?.isFile()) return json(res, 404, { code: 'LIVE_NOT_LIVE' });
  const ext = file.split('.').pop()!;
  res.writeHead(200, {
    'content-type': HLS_TYPES[ext] ?? 'application/octet-stream',
    'content-length': stat.size,
    // The playlist changes every segment; segments never change but leave the window soon.
    'cache-control': ext === 'm3u8' ? 'no-store' : 'private, max-age=60',
  });
  const stream = createReadStream(full);
  stream.once('error', () => res.destroy());
  res.once('close', () => stream.destroy());
  stream.pipe(res);
}

async function serveMetrics(deps: InternalHttpDeps, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const allowed = scrapeAllowed(deps.metrics.token, scrapeRequestOf(req));
  if (!allowed) return json(res, 404, { code: 'NOT_FOUND' });
  const text = await deps.metrics.registry.metrics();
  res.writeHead(200, { 'content-type': deps.metrics.registry.contentType, 'cache-control': 'no-store' });
  res.end(text);
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function empty(res: http.ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) return null;
    chunks.push(chunk as Buffer);
  }
  if (!size) return null;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}
