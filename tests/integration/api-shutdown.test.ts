import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUrlAs } from '../support/database.ts';
import { createMeeting } from '../support/media-helpers.ts';
import { waitFor } from '../support/processes.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, PROJECT_ROOT, type TestApp } from '../support/test-app.ts';

// The API as a real process stopped with SIGTERM, as Kubernetes stops a pod: readiness turns 503
// at once while everything else is still served for SHUTDOWN_DRAIN_SECONDS; then event streams end
// (with a reconnection delay), an upload part still streaming in completes, the port closes, exit 0.

// Long enough for the checks made while draining to finish inside it on a loaded machine.
const DRAIN_SECONDS = 4;
let helper: TestApp;
let dataDir: string;
let storageDir: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'platform-shutdown-'));
  storageDir = path.join(dataDir, 'objects');
  // Same database and store as the server process: prepares the meeting, checks the upload after.
  helper = await createTestApp({ STORAGE_DIR: storageDir }, { databaseUrl });
});
afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await helper.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function startServer(): { child: ChildProcess; output: () => string; base: Promise<string> } {
  const env = helper.platform.config;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrlAs(helper.platform.databaseUrl, 'app'),
      MIGRATION_DATABASE_URL: databaseUrlAs(helper.platform.databaseUrl, 'owner'),
      DATA_ENCRYPTION_KEY: env.dataEncryptionKey!.toString('base64'),
      MEDIA_SIGNING_SECRET: env.mediaSigningSecret!,
      DATA_DIR: dataDir,
      STORAGE_DIR: storageDir,
      WEB_DIR: path.join(dataDir, 'no-web'),
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      WORKER_IN_PROCESS: '0',
      LIVE_ENABLED: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SHUTDOWN_DRAIN_SECONDS: String(DRAIN_SECONDS),
    },
  });
  server = child;
  let output = '';
  const base = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/ready: (http:\/\/\S+?)\/"/);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, output: () => output, base };
}

/** A PUT whose body arrives in slices, `gapMs` apart; resolves with the status and body. */
function slowPut(url: string, cookie: string, body: Buffer, slices: number, gapMs: number) {
  let sent = 0;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/octet-stream', 'content-length': body.length },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    const size = Math.ceil(body.length / slices);
    const next = () => {
      req.write(body.subarray(sent * size, (sent + 1) * size));
      sent++;
      if (sent < slices) setTimeout(next, gapMs);
      else req.end();
    };
    next();
  });
  return { response, slicesSent: () => sent };
}

describe('API process stopped with SIGTERM', { timeout: 120_000 }, () => {
  it('drains (readiness 503, everything else served), ends event streams, finishes an upload part, closes the port, exits 0', async () => {
    const meetingId = await createMeeting(helper.platform.prisma, 'officer1');
    const { child, output, base: started } = startServer();
    const base = await started;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer1', password: 'Demo@2021' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);

    // An event stream, read to its end.
    const events = await fetch(`${base}/api/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    const stream = (async () => {
      const reader = events.body!.getReader();
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { text, endedAt: Date.now() };
        text += Buffer.from(value).toString();
      }
    })();

    // An upload whose only part streams in over ~4 s, half of it before SIGTERM.
    const bytes = await fs.readFile(sample('landscape-720p-h264-aac.mp4'));
    const created = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ meetingId, fileName: 'slow.mp4', size: bytes.length, contentType: 'video/mp4' }),
    });
    expect(created.status).toBe(201);
    const upload = (await created.json()) as { id: string; parts: { partNumber: number; url: string }[] };
    expect(upload.parts).toHaveLength(1);
    // 16 slices 700 ms apart: half sent before the SIGTERM, the rest (5.6 s) still arriving after the drain.
    const part = slowPut(`${base}${upload.parts[0]!.url}`, cookie, bytes, 16, 700);
    await waitFor('half of the part sent', () => part.slicesSent() >= 8);

    const sigtermAt = Date.now();
    child.kill('SIGTERM');
    // Draining: readiness says so, the rest is served as before.
    await waitFor('readiness to turn 503', async () => (await fetch(`${base}/api/health/ready`)).status === 503, 1_500);
    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(Date.now() - sigtermAt).toBeLessThan(DRAIN_SECONDS * 1000);

    // After the drain the stream ends (not hangs), its last words a reconnection delay.
    const { text, endedAt } = await stream;
    expect(endedAt - sigtermAt).toBeGreaterThanOrEqual(DRAIN_SECONDS * 1000 - 100);
    expect(endedAt - sigtermAt).toBeLessThan(DRAIN_SECONDS * 1000 + 3_000);
    expect(text).toMatch(/retry: (1\d{3}|2\d{3})\n\n$/);

    // The part, still arriving after the drain, is taken whole.
    const put = await part.response;
    expect(Date.now() - sigtermAt).toBeGreaterThan(DRAIN_SECONDS * 1000);
    expect(put.status, put.body).toBe(200);
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();

    // Its bytes are in the store: the upload completes on another instance.
    const complete = await helper.app.inject({
      method: 'POST',
      url: `/api/uploads/${upload.id}/complete`,
      headers: { cookie: await helper.login('officer1') },
    });
    expect(complete.statusCode, complete.body).toBe(200);
    const asset = await helper.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: complete.json().assetId } });
    expect(Number(asset.sizeBytes)).toBe(bytes.length);
  });
});
