import { spawn, type ChildProcess } from 'node:child_process';
import { expect, type APIRequestContext } from '@playwright/test';
import { freePort } from '../support/processes.ts';

/** What createLive answers (LivePublishing), as far as the specs need it. */
export interface Publishing {
  live: { id: string; status: string };
  url: string;
  server: string;
  streamKey: string;
}

/** Creates a live through the API for the first team of the logged-in officer's enterprise. */
export async function createLiveApi(request: APIRequestContext, title = 'e2e 直播'): Promise<Publishing> {
  const me = await (await request.get('/api/auth/me')).json();
  const teams = await (await request.get(`/api/enterprises/${me.enterprise.id}/teams`)).json();
  const team = (Array.isArray(teams) ? teams : teams.items)[0];
  expect(team, 'a team of the officer’s enterprise').toBeTruthy();
  const res = await request.post('/api/live', { data: { teamId: team.id, title } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

/** A running ffmpeg pushing a test pattern with sound (H.264 + AAC, 1 s GOP) to an RTMP URL. */
export interface Pusher {
  readonly process: ChildProcess;
  /** Everything ffmpeg wrote to stderr (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `ffmpeg -re` pushing testsrc2 640×360 at 25 fps with a sine tone to `url`, as an
 * encoder in a meeting room would. `stop()` ends it (SIGINT, then SIGKILL after 5 s).
 */
export function pushTestPattern(url: string): Pusher {
  return startTestPattern({ audio: true, output: ['-f', 'flv', url], stop: 'SIGINT' });
}

/** A real RTSP server for the specs (a meeting-room camera stands behind it). */
export interface RtspServer {
  /** Where ffmpeg publishes a mount (the camera's encoder side). */
  publishUrl(mount: string): string;
  /** Where the platform pulls that mount (what an officer registers). */
  pullUrl(mount: string): string;
  stop(): Promise<void>;
}

/**
 * Starts rtsp-streaming-server (GPL-3.0, a devDependency used only by tests) in a child node
 * process, on free ports: it has no stop of its own, so `stop()` kills the child.
 */
export async function startRtspServer(): Promise<RtspServer> {
  const serverPort = await freePort();
  const clientPort = await freePort();
  // RTP ports away from the e2e platform's live ports (39351-39353).
  const rtpPortStart = 42_000 + 2 * Math.floor(Math.random() * 5_000);
  const script = `
    const RtspServer = require('rtsp-streaming-server').default;
    new RtspServer({ serverPort: ${serverPort}, clientPort: ${clientPort}, rtpPortStart: ${rtpPortStart}, rtpPortCount: 200 })
      .start().then(() => console.log('rtsp ready'), (e) => { console.error(e); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('rtsp ready') && resolve());
    child.once('exit', (code) => reject(new Error(`rtsp server exited with ${code}: ${log}`)));
  });
  return {
    publishUrl: (mount) => `rtsp://127.0.0.1:${serverPort}/${mount}`,
    pullUrl: (mount) => `rtsp://127.0.0.1:${clientPort}/${mount}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * A camera's encoder: ffmpeg `-re` publishing testsrc2 640×360 at 25 fps (H.264, 1 s GOP) over
 * RTSP/UDP to `url`, with a sine tone in AAC unless `audio` is false (many IP cameras send none).
 */
export function feedRtspCamera(url: string, { audio = true }: { audio?: boolean } = {}): Pusher {
  return startTestPattern({ audio, output: ['-f', 'rtsp', '-rtsp_transport', 'udp', url], stop: 'SIGKILL' });
}

/**
 * ffmpeg `-re` encoding testsrc2 640×360 at 25 fps (H.264, 1 s GOP; a sine tone in AAC with
 * `audio`) to `output`. `stop: 'SIGINT'` lets ffmpeg end the stream cleanly, SIGKILL after 5 s.
 */
function startTestPattern(options: { audio: boolean; output: string[]; stop: 'SIGINT' | 'SIGKILL' }): Pusher {
  const { audio, output } = options;
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'warning',
      '-re',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x360:rate=25',
      ...(audio ? ['-f', 'lavfi', '-i', 'sine'] : []),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-tune',
      'zerolatency',
      '-g',
      '25',
      '-pix_fmt',
      'yuv420p',
      ...(audio ? ['-c:a', 'aac'] : []),
      ...output,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(options.stop);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
