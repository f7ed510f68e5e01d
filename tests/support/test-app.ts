import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, type LogOutput } from '@platform/config';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../apps/api/src/app.ts';
import type { Lifecycle } from '../../apps/api/src/lifecycle.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { openPlatform, type Platform } from '../../apps/api/src/platform.ts';
import { createTestDatabase, databaseUrlAs } from './database.ts';
import { TestMfa } from './mfa-helper.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_PASSWORD = 'Demo@2021';

export interface TestApp {
  app: FastifyInstance;
  /** DATA_DIR of this app: objects (filesystem store) live under it. */
  dataDir: string;
  platform: Platform;
  close(): Promise<void>;
  /**
   * Logs in and returns the Cookie header value for later requests. A privileged user's second
   * factor is given too (enrolled on the first login), so the session is usable.
   */
  login(username: string, password?: string): Promise<string>;
  /** The second-factor helper behind `login` (the secrets it enrolled). */
  mfa: TestMfa;
}

export interface TestAppOptions {
  /** Share another app's database (two API instances). */
  databaseUrl?: string;
  /** The services' clock, for tests that assert what happens at a given time. */
  now?: () => Date;
  /** Where the app's log lines go (stdout by default), for tests that read them. */
  logOutput?: LogOutput;
  /** The shutdown state the app reports (readiness), for tests that drain it. */
  lifecycle?: Lifecycle;
}

/** The real API over its own copy of the seeded database. `env` overrides configuration. */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'platform-app-'));
  const config = loadConfig(
    {
      // As in production: the API connects as the application role, migrations run as the owner.
      DATABASE_URL: databaseUrlAs(databaseUrl, 'app'),
      MIGRATION_DATABASE_URL: databaseUrlAs(databaseUrl, 'owner'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      SEED_DEMO: '0',
      DATA_DIR: dataDir,
      MEDIA_SIGNING_SECRET: 'test-secret-that-is-long-enough-0123456789',
      DATA_ENCRYPTION_KEY: 'dGVzdC1kYXRhLWtleS10aGlydHktdHdvLWJ5dGVzISE=',
      WORKER_IN_PROCESS: '0',
      // Live tests start an ingest of their own (tests/support/live-*.ts); the others need none.
      LIVE_ENABLED: '0',
      // CI runs the media tests once with Debian's ffmpeg and once with the npm-shipped one.
      ...(process.env.FFMPEG_PATH ? { FFMPEG_PATH: process.env.FFMPEG_PATH } : {}),
      ...(process.env.FFPROBE_PATH ? { FFPROBE_PATH: process.env.FFPROBE_PATH } : {}),
      ...env,
    },
    PROJECT_ROOT,
  );
  // LOG_LEVEL=debug in the environment shows a test's log lines.
  const platform = await openPlatform(config, { log: createLogger(config.log, 'test', options.logOutput), now: options.now });
  const app = await buildApp(platform, { serveWeb: false, lifecycle: options.lifecycle });
  await app.ready();
  const mfa = new TestMfa(app, platform);
  return {
    app,
    dataDir,
    platform,
    mfa,
    async close() {
      await app.close();
      await platform.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = sessionCookie(res);
      await mfa.complete(username, cookie, (res.json() as { pendingStep: string | null }).pendingStep);
      return cookie;
    },
  };
}

/** `name=value` of the session cookie a response set. */
export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'bhs_session');
  if (!cookie) throw new Error('no session cookie in response');
  return `${cookie.name}=${cookie.value}`;
}

/** Two API instances on one database, the second listening on 127.0.0.1 for real HTTP clients (event streams). */
export async function createTwoInstances(): Promise<{ a: TestApp; b: TestApp; baseB: string; close(): Promise<void> }> {
  const a = await createTestApp();
  const b = await createTestApp({}, { databaseUrl: a.platform.databaseUrl });
  const baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    a,
    b,
    baseB,
    async close() {
      await b.close();
      await a.close();
    },
  };
}
