import { spawn, type ChildProcess } from 'node:child_process';
import { expect, type APIRequestContext } from '@playwright/test';

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
      '-f',
      'lavfi',
      '-i',
      'sine',
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
      '-c:a',
      'aac',
      '-f',
      'flv',
      url,
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
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
