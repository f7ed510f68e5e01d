import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashStreamKey, newStreamKey, SecretBox, streamKeyPrefix } from '@platform/core';
import { childrenOf, cmdline, freePort } from './processes.ts';
import { parsePrometheusText, valueOf } from './prometheus-text.ts';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.ts';

// A test API with live meetings on: it starts its own ingest child (as `npm start` does) on free
// ports, plus helpers to push a generated test pattern, read streams back and look for orphans.

export const DATA_KEY = 'dGVzdC1kYXRhLWtleS10aGlydHktdHdvLWJ5dGVzISE=';

// The process and port helpers, for the integration tests that import everything from here.
export { childrenOf, cmdline, freePort, processesWith, waitFor } from './processes.ts';

export interface LiveTestApp extends TestApp {
  ports: { rtmp: number; flv: number; ingest: number };
  /** A request to the ingest's internal HTTP, with the secret. */
  ingest(pathname: string, init?: RequestInit): Promise<Response>;
  rtmpUrl(liveId: string, key: string): string;
  /** The ingest child's pid. */
  ingestPid(): number;
}

export async function createLiveTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<LiveTestApp> {
  const ports = { rtmp: await freePort(), flv: await freePort(), ingest: await freePort() };
  const app = await createTestApp(
    {
      LIVE_ENABLED: '1',
      LIVE_RTMP_HOST: '127.0.0.1',
      LIVE_RTMP_PORT: String(ports.rtmp),
      LIVE_FLV_PORT: String(ports.flv),
      LIVE_INGEST_PORT: String(ports.ingest),
      LIVE_HLS_SEGMENT_SECONDS: '1',
      ...env,
    },
    options,
  );
  const endpoint = app.platform.ingest!;
  return Object.assign(app, {
    ports,
    ingest: (pathname: string, init: RequestInit = {}) =>
      fetch(`${endpoint.url}${pathname}`, { ...init, headers: { ...(init.headers ?? {}), 'x-ingest-secret': endpoint.secret } }),
    rtmpUrl: (liveId: string, key: string) => `rtmp://127.0.0.1:${ports.rtmp}/live/${liveId}?key=${key}`,
    ingestPid: () => {
      const pid = childrenOf(process.pid).find((p) => cmdline(p).includes('apps/ingest/src/main.ts'));
      if (!pid) throw new Error('no ingest child found');
      return pid;
    },
  });
}

/** The ingest's gauges and Node's resident memory, as Prometheus reads them from its `/metrics`. */
export async function ingestGauges(t: LiveTestApp): Promise<{ onAir?: number; pulls?: number; rss?: number }> {
  const res = await fetch(`${t.platform.ingest!.url}/metrics`);
  if (res.status !== 200) throw new Error(`ingest /metrics answered ${res.status}`);
  const samples = parsePrometheusText(await res.text());
  return {
    onAir: valueOf(samples, 'ingest_lives_on_air'),
    pulls: valueOf(samples, 'ingest_camera_pulls'),
    rss: valueOf(samples, 'process_resident_memory_bytes'),
  };
}

/** An enterprise's team with a shift (demo data), for lives and cameras. */
export async function teamWithShift(t: TestApp, username = 'officer1') {
  const prisma = t.platform.prisma;
  const officer = await prisma.user.findUniqueOrThrow({ where: { username } });
  const team = await prisma.team.findFirstOrThrow({
    where: { enterpriseId: officer.enterpriseId!, shifts: { some: {} } },
    include: { shifts: true },
  });
  return { enterpriseId: officer.enterpriseId!, teamId: team.id, shiftId: team.shifts[0]!.shiftId, userId: officer.id };
}

/** A PUSH live row as the API makes it; returns its id and publish key. */
export async function createPushLive(
  t: TestApp,
  data: { enterpriseId: string; teamId?: string; shiftId?: string; meetingDate?: string; title?: string; createdById?: string },
) {
  const key = newStreamKey();
  const live = await t.platform.prisma.liveStream.create({
    data: {
      enterpriseId: data.enterpriseId,
      teamId: data.teamId ?? null,
      shiftId: data.shiftId ?? null,
      meetingDate: data.meetingDate ? new Date(`${data.meetingDate}T00:00:00Z`) : null,
      title: data.title ?? '测试直播',
      source: 'PUSH',
      streamKeyHash: hashStreamKey(key),
      streamKeyPrefix: streamKeyPrefix(key),
      createdById: data.createdById ?? null,
    },
  });
  return { id: live.id, key };
}

/** A camera row with its address sealed as the API seals it. */
export async function createCamera(
  t: TestApp,
  data: { enterpriseId: string; teamId?: string; url: string; transport?: 'TCP' | 'UDP'; autoRecord?: boolean; name?: string },
) {
  const box = new SecretBox(Buffer.from(DATA_KEY, 'base64'));
  return t.platform.prisma.camera.create({
    data: {
      enterpriseId: data.enterpriseId,
      teamId: data.teamId ?? null,
      name: data.name ?? '会议室摄像头',
      rtspUrlSealed: box.seal(data.url),
      rtspUrlShown: data.url.replace(/\/\/[^@/]*@/, '//'),
      transport: data.transport ?? 'UDP',
      autoRecord: data.autoRecord ?? false,
    },
  });
}

/** ffmpeg pushing a small generated test pattern with a tone (1 s GOP) for `seconds`. */
export function pushTestPattern(
  url: string,
  seconds: number,
  format: 'flv' | 'rtsp' = 'flv',
  video: 'h264' | 'hevc' = 'h264',
): ChildProcess {
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-re',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=320x180:rate=25:duration=${seconds}`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:duration=${seconds}`,
      '-c:v',
      video === 'hevc' ? 'libx265' : 'libx264',
      ...(video === 'hevc' ? ['-x265-params', 'log-level=none'] : []),
      '-preset',
      'ultrafast',
      '-tune',
      'zerolatency',
      '-g',
      '25',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      ...(format === 'rtsp' ? ['-f', 'rtsp', '-rtsp_transport', 'udp'] : ['-f', 'flv']),
      url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.resume();
  return child;
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Reads a streaming response for `ms` into a temp file; returns its path. */
export async function readStreamFor(res: Response, ms: number): Promise<string> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'live-read-')), 'out.bin');
  const chunks: Buffer[] = [];
  const reader = res.body!.getReader();
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!next || next.done) break;
    chunks.push(Buffer.from(next.value));
  }
  await reader.cancel().catch(() => undefined);
  await fs.writeFile(file, Buffer.concat(chunks));
  return file;
}

/** ffprobe's streams of a file or URL. */
export async function probeStreams(input: string): Promise<{ codec_type: string; codec_name: string; width?: number }[]> {
  const child = spawn('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width', '-of', 'json', input]);
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await exited(child);
  return (JSON.parse(out || '{}') as { streams?: { codec_type: string; codec_name: string; width?: number }[] }).streams ?? [];
}

/**
 * A real RTSP server for tests: rtsp-streaming-server (GPL-3.0, a devDependency used only here) in
 * a child node process (it has no stop and listens on every interface), fed by ffmpeg over UDP.
 */
export async function startRtspServer(): Promise<{ publishUrl(mount: string): string; pullUrl(mount: string): string; stop(): void }> {
  const serverPort = await freePort();
  const clientPort = await freePort();
  const rtpPortStart = 20_000 + 2 * Math.floor(Math.random() * 10_000);
  const script = `
    const RtspServer = require('rtsp-streaming-server').default;
    new RtspServer({ serverPort: ${serverPort}, clientPort: ${clientPort}, rtpPortStart: ${rtpPortStart}, rtpPortCount: 200 })
      .start().then(() => console.log('rtsp ready'), (e) => { console.error(e); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('rtsp ready') && resolve());
    child.once('exit', (code) => reject(new Error(`rtsp server exited with ${code}`)));
  });
  return {
    publishUrl: (mount) => `rtsp://127.0.0.1:${serverPort}/${mount}`,
    pullUrl: (mount) => `rtsp://127.0.0.1:${clientPort}/${mount}`,
    stop: () => child.kill('SIGKILL'),
  };
}
