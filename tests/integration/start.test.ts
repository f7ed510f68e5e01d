import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isRunning, processesWith, waitFor } from '../support/processes.ts';
import { PROJECT_ROOT } from '../support/test-app.ts';

// The server as `npm start` runs it, as a real process: embedded PostgreSQL, migrations, seeds,
// listening, and a clean stop on SIGINT.

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'platform-start-'));
await fs.chmod(dataDir, 0o755);
const started: ChildProcess[] = [];
afterAll(async () => {
  // A failed assertion must not leave a server (and its PostgreSQL) running.
  await Promise.all(started.filter((child) => child.exitCode === null && child.signalCode === null).map((child) => stop(child)));
  await fs.rm(dataDir, { recursive: true, force: true });
});

// The embedded live ingest starts with the server: on free ports, so parallel tests never collide.
const livePorts = {
  LIVE_RTMP_HOST: '127.0.0.1',
  LIVE_RTMP_PORT: String(await freePort()),
  LIVE_FLV_PORT: String(await freePort()),
  LIVE_INGEST_PORT: String(await freePort()),
};

function startServer(): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...livePorts,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: '0',
      LOG_LEVEL: 'info',
      WEB_DIR: path.join(dataDir, 'no-web'),
    },
  });
  started.push(child);
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/ready: (http:\/\/\S+)\//);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, output: () => output, ready };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('server process', () => {
  it('starts with an embedded database, serves health and login, and stops cleanly on SIGINT', { timeout: 90_000 }, async () => {
    const server = startServer();
    const base = await server.ready;
    expect(server.output()).toContain('demo accounts, password Demo@2021');
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer1', password: 'Demo@2021' }),
    });
    expect(login.status).toBe(200);
    // The live ingest came up with it, and goes with it.
    expect(server.output()).toContain(`live ingest on http://127.0.0.1:${livePorts.LIVE_INGEST_PORT}`);
    expect(ingestsOf(dataDir)).toHaveLength(1);

    expect(await stop(server.child)).toBe(0);
    expect(ingestsOf(dataDir)).toEqual([]);
    const pgData = await resolvePgData();
    expect(existsSync(path.join(pgData, 'postmaster.pid'))).toBe(false); // PostgreSQL stopped too
  });

  it('reuses the data on a second start', { timeout: 90_000 }, async () => {
    const server = startServer();
    await server.ready;
    expect(server.output()).not.toContain('initialising a new PostgreSQL cluster');
    expect(server.output()).not.toContain('applied migrations');
    expect(await stop(server.child)).toBe(0);
  });

  it('leaves no ingest and no ffmpeg behind when the API is killed with SIGKILL mid-live', { timeout: 120_000 }, async () => {
    const server = startServer();
    const base = await server.ready;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer1', password: 'Demo@2021' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as { enterprise: { id: string } };
    const teams = (await (await fetch(`${base}/api/enterprises/${me.enterprise.id}/teams`, { headers: { cookie } })).json()) as {
      id: string;
    }[];
    const created = await fetch(`${base}/api/live`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ teamId: teams[0]!.id, title: '强杀测试' }),
    });
    expect(created.status).toBe(201);
    const { live, url } = (await created.json()) as { live: { id: string }; url: string };
    const pusher = spawn('ffmpeg', [
      '-loglevel',
      'error',
      '-re',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x180:rate=25',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-g',
      '25',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'flv',
      url,
    ]);
    started.push(pusher);
    try {
      await waitFor(
        'the live on air',
        async () =>
          ((await (await fetch(`${base}/api/live/${live.id}`, { headers: { cookie } })).json()) as { status: string }).status === 'LIVE',
        30_000,
      );
      // The ingest's packager for this live (its command line names the live), besides our encoder.
      const packagers = () => processesWith(live.id).filter((pid) => pid !== pusher.pid);
      await waitFor('its packager', () => packagers().length > 0, 30_000);
      const ingests = ingestsOf(dataDir);
      expect(ingests).toHaveLength(1);

      server.child.kill('SIGKILL');
      // The kernel takes the ingest with its parent (PR_SET_PDEATHSIG), and the packagers with the ingest.
      await waitFor('no ingest and no packager', () => ingestsOf(dataDir).length === 0 && packagers().length === 0, 10_000);
      expect(ingests.filter(isRunning)).toEqual([]);
    } finally {
      pusher.kill('SIGKILL');
      // PostgreSQL has no such tie to the API (it must survive a crash of it to be consistent): stop it here.
      await stopOrphanedPostgres();
    }
  });

  it('refuses to start with bad configuration and names every bad key', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: 'abc', SESSION_IDLE_MINUTES: '-5' },
    });
    let output = '';
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(output).toContain('PORT');
    expect(output).toContain('SESSION_IDLE_MINUTES');
  });
});

/** Ingest processes started for this DATA_DIR. */
function ingestsOf(dir: string): number[] {
  return processesWith('apps/ingest/src/main.ts').filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DATA_DIR=${dir}`);
    } catch {
      return false;
    }
  });
}

/** Where the cluster actually lives: under DATA_DIR, or where the .location pointer says (root, private parent). */
async function resolvePgData(): Promise<string> {
  const pointer = path.join(dataDir, 'postgres.location');
  return existsSync(pointer) ? (await fs.readFile(pointer, 'utf8')).trim() : path.join(dataDir, 'postgres');
}

/** Fast shutdown (SIGINT) of the cluster a killed server left running, waiting for it to go. */
async function stopOrphanedPostgres(): Promise<void> {
  const pidFile = path.join(await resolvePgData(), 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  await waitFor('postgres to stop', () => !existsSync(pidFile), 30_000).catch(() => process.kill(pid, 'SIGKILL'));
}
