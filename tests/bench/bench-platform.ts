// Helpers of the browser benchmarks: a fresh platform in its own process (as the e2e harness
// starts it), and a small HTTP client that reports meetings, uploads files and follows the
// event stream the way an enterprise system and the wall do. Not part of `npm test`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Media, PlatformEvent, Upload } from '@platform/contracts';
import { generate } from 'otplib';
import type { APIRequestContext } from 'playwright-core';
import { passwordLogin, reportMeetingOnNewTeam } from '../support/http-session.ts';

export const PASSWORD = 'Demo@2021';

export interface RunningPlatform {
  base: string;
  stop(): Promise<void>;
}

/**
 * Starts `apps/api/src/server.ts` on `port` with a new data dir, and waits for /api/health.
 * `env` adds or overrides settings of the platform (WEB_DIR, SEED_DEMO_ACTIVITY…).
 */
export async function startPlatform(
  root: string,
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningPlatform> {
  // Otherwise the health check below would be answered by whatever holds the port (a platform
  // left over from an interrupted run) while the new one fails to listen.
  const taken = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is in use already (a platform left running?); choose another with BENCH_PORT`);
  await fs.rm(dataDir, { recursive: true, force: true });
  // BENCH_PLATFORM_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the platform.
  const nodeArgs = (process.env.BENCH_PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: '0',
      LOG_LEVEL: 'warn',
      LIVE_ENABLED: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // However this process ends (an error during startup, Ctrl-C), the platform and its PostgreSQL go with it.
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  child.once('exit', () => process.off('exit', stopOnExit));
  let output = '';
  // BENCH_PLATFORM_LOG=1 shows the platform's own log lines as they come.
  const echo = process.env.BENCH_PLATFORM_LOG === '1';
  child.stdout!.on('data', (d: Buffer) => (echo ? process.stderr.write(d) : (output += d.toString())));
  child.stderr!.on('data', (d: Buffer) => (echo ? process.stderr.write(d) : (output += d.toString())));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`platform exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, stop: () => stop(child) };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop(child);
  throw new Error(`platform did not answer on ${base} within 180 s:\n${output}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Logs a browser context's request client in as `username` (its cookie then serves the pages),
 * completing a privileged user's second factor: on a fresh platform the first login enrols TOTP
 * and activates it with a code for the current time step. Good for one login per user and run.
 */
export async function loginContext(request: APIRequestContext, username: string): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`);
  const { pendingStep } = (await login.json()) as { pendingStep: string | null };
  if (pendingStep === null) return;
  if (pendingStep !== 'MFA_ENROLMENT') throw new Error(`login ${username}: second factor ${pendingStep} on a fresh platform`);
  const { secret } = (await (await request.post('/api/auth/mfa/enrolment')).json()) as { secret: string };
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
  const activated = await request.post('/api/auth/mfa/activate', { data: { code } });
  if (!activated.ok()) throw new Error(`MFA activation of ${username}: ${activated.status()} ${await activated.text()}`);
}

/** A logged-in user of the platform, talking plain HTTP with its session cookie. */
export class Session {
  private constructor(
    readonly base: string,
    readonly cookie: string,
  ) {}

  static async login(base: string, username: string): Promise<Session> {
    return new Session(base, await passwordLogin(base, username, PASSWORD));
  }

  async json<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /**
   * Reports a meeting today for a new team on the enterprise's first shift. Teams are added
   * because a demo enterprise has only a few team × shift slots a day and every run needs one.
   */
  async reportMeeting(day: string, label: string): Promise<string> {
    return reportMeetingOnNewTeam(this, label, day);
  }

  /** Creates an upload and sends every part, without completing it; returns what `complete` needs. */
  async uploadParts(meetingId: string, file: string, contentType = 'video/mp4'): Promise<{ uploadId: string; assetId: string }> {
    const bytes = await fs.readFile(file);
    const upload = await this.json<Upload>('POST', '/api/uploads', {
      meetingId,
      fileName: path.basename(file),
      size: bytes.length,
      contentType,
    });
    for (const part of upload.parts) {
      const start = (part.partNumber - 1) * upload.partSize;
      const url = part.url.startsWith('http') ? part.url : `${this.base}${part.url}`;
      const res = await fetch(url, {
        method: 'PUT',
        headers: { cookie: this.cookie, 'content-type': 'application/octet-stream' },
        body: bytes.subarray(start, start + part.size),
      });
      if (!res.ok) throw new Error(`part ${part.partNumber}: ${res.status}`);
    }
    return { uploadId: upload.id, assetId: upload.assetId };
  }

  async complete(uploadId: string): Promise<void> {
    await this.json('POST', `/api/uploads/${uploadId}/complete`);
  }

  /** Follows /api/events (Server-Sent Events) until the returned function is called. */
  async events(onEvent: (event: PlatformEvent) => void): Promise<() => void> {
    const abort = new AbortController();
    const res = await fetch(`${this.base}/api/events`, { headers: { cookie: this.cookie }, signal: abort.signal });
    if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of message.split('\n')) if (line.startsWith('data: ')) onEvent(JSON.parse(line.slice(6)) as PlatformEvent);
          }
        }
      } catch {
        // Aborted by the caller.
      }
    })();
    return () => abort.abort();
  }
}

/** Resolves when `assetId` reaches one of `statuses` (rejects on FAILED), timed from the event. */
export function waitForStatus(session: Session, assetId: string, statuses: string[]): { ready: Promise<void>; result: Promise<number> } {
  let unsubscribe: () => void = () => {};
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const result = new Promise<number>((resolve, reject) => {
    void session
      .events((event) => {
        if (event.type !== 'media.status' || event.assetId !== assetId) return;
        if (statuses.includes(event.status)) resolve(performance.now());
        if (event.status === 'FAILED') {
          void session
            .json<Media>('GET', `/api/media/${assetId}`)
            .then((m) => reject(new Error(`asset ${assetId} failed: ${JSON.stringify(m.failure)}`)), reject);
        }
      })
      .then((u) => {
        unsubscribe = u;
        resolveReady();
      }, reject);
  }).finally(() => unsubscribe());
  return { ready, result };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Today's date in Asia/Shanghai, the day the wall shows. */
export function shanghaiToday(): string {
  return shanghaiDay(0);
}

/** Rejects after `ms` with what was being waited for: a broken run fails instead of hanging. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The Asia/Shanghai date `days` from today (negative: past days). */
export function shanghaiDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
