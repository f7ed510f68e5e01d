import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lifecycle } from '../../apps/api/src/lifecycle.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The probes Kubernetes and load balancers poll: liveness checks nothing; readiness checks the
// database and the object store, and says `draining` from SIGTERM on (api-shutdown.test.ts runs the real stop).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health probes', () => {
  it('answers liveness and readiness without a session', async () => {
    const live = await t.app.inject({ url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', checks: { db: { status: 'ok' }, storage: { status: 'ok' } } });
  });

  it('is not rate-limited: a probe refused with 429 would take a healthy instance out of service', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) statuses.add((await t.app.inject({ url: '/api/health/ready' })).statusCode);
    expect([...statuses]).toEqual([200]);
  });

  it('answers 503 draining once the process drains, while liveness stays 200', async () => {
    const lifecycle = new Lifecycle();
    const other = await createTestApp({}, { databaseUrl: t.platform.databaseUrl, lifecycle });
    const { app } = other;
    try {
      expect((await app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
      lifecycle.startDraining();
      const ready = await app.inject({ url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'draining' });
      expect((await app.inject({ url: '/api/health/live' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers 503 degraded naming the store when the object store does not answer', async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'not-a-dir-')), 'file');
    await fs.writeFile(file, 'x');
    const broken = await createTestApp({ STORAGE_DIR: path.join(file, 'objects') }, { databaseUrl: t.platform.databaseUrl });
    try {
      const res = await broken.app.inject({ url: '/api/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'degraded', checks: { db: { status: 'ok' }, storage: { status: 'error' } } });
    } finally {
      await broken.close();
      await fs.rm(path.dirname(file), { recursive: true, force: true });
    }
  });
});
