import { randomUUID } from 'node:crypto';
import { createPrismaClient, isDatabaseUnavailable, type PrismaClient } from '@platform/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// A database too busy to give a transaction a connection in time, or to let one finish within its
// timeout, is worth retrying: Prisma's P2028 for those is a 503, its P2028 for a transaction used
// after it ended (a bug) stays a 500. The errors come from a real one-connection pool.

let prisma: PrismaClient;
let t: TestApp;
let busy: unknown;
let expired: unknown;
let committedEarly: unknown;
let closed: unknown;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  prisma = createPrismaClient(await createTestDatabase('empty'), { maxConnections: 1 });
  // The only connection is held by a transaction; another cannot start within its maxWait.
  let release!: () => void;
  const held = prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await new Promise<void>((resolve) => (release = resolve));
    },
    { timeout: 10_000 },
  );
  await sleep(200);
  busy = await failureOf(() => prisma.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 200 }));
  release();
  await held;
  // A transaction that outlives its timeout: its next query, or its commit, is refused.
  expired = await failureOf(() =>
    prisma.$transaction(
      async (tx) => {
        await sleep(400);
        await tx.$queryRaw`SELECT 1`;
      },
      { timeout: 200 },
    ),
  );
  committedEarly = await failureOf(() =>
    prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await sleep(400);
      },
      { timeout: 200 },
    ),
  );
  // A transaction client kept and used after its commit.
  let kept: PrismaClient | undefined;
  await prisma.$transaction(async (tx) => {
    kept = tx as PrismaClient;
  });
  closed = await failureOf(() => kept!.$queryRaw`SELECT 1`);
  t = await createTestApp();
});
afterAll(async () => {
  await prisma?.$disconnect();
  await t?.close();
});

describe('Prisma transaction errors (P2028)', () => {
  it('call a full pool or an expired transaction the database being unavailable, not a used-up transaction', () => {
    expect(busy).toMatchObject({ code: 'P2028', message: expect.stringContaining('Unable to start a transaction in the given time') });
    expect(expired).toMatchObject({ code: 'P2028', meta: { operation: 'query' } });
    expect(committedEarly).toMatchObject({ code: 'P2028', meta: { operation: 'commit' } });
    expect(closed).toMatchObject({ code: 'P2028', message: expect.stringContaining('committed transaction') });
    expect([busy, expired, committedEarly, closed].map(isDatabaseUnavailable)).toEqual([true, true, true, false]);
  });

  it('answer 503 DATABASE_UNAVAILABLE with Retry-After through the API, and the bug 500 INTERNAL', async () => {
    const worker = await t.login('worker1');
    const repo = t.platform.repos.learning;
    const lookup = repo.findLessonForLearner;
    const start = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/learn/lessons/${randomUUID()}/viewings`,
        payload: { deviceId: 'phone-aaaaaaaa', clientNow: Date.now() },
        headers: { cookie: worker },
      });
    try {
      for (const failure of [busy, expired, committedEarly]) {
        repo.findLessonForLearner = () => Promise.reject(failure);
        const res = await start();
        expect(res.statusCode).toBe(503);
        expect(res.json().error.code).toBe('DATABASE_UNAVAILABLE');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      repo.findLessonForLearner = () => Promise.reject(closed);
      const bug = await start();
      expect(bug.statusCode).toBe(500);
      expect(bug.json().error.code).toBe('INTERNAL');
    } finally {
      repo.findLessonForLearner = lookup;
    }
  });
});
