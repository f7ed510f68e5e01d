import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app.ts';

// Defect 5: five bad passwords locked any account for everyone, everywhere. Now a lock belongs to a
// (name as typed, source address) pair, grows with each lock, and unknown names behave the same.

let t: TestApp;
let clock = new Date('2026-03-02T01:00:00Z');
const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

beforeAll(async () => {
  t = await createTestApp(
    { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '1', LOGIN_LOCKOUT_MAX_MINUTES: '60', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    { now: () => clock },
  );
});
afterAll(() => t.close());

const login = (username: string, password: string, from: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: from });

async function failTimes(username: string, from: string, times: number) {
  const codes = [];
  for (let i = 0; i < times; i++) codes.push((await login(username, `wrong-${i}`, from)).statusCode);
  return codes;
}

/** Status, headers that could tell names apart, and the body of a response. */
function visible(res: Awaited<ReturnType<typeof login>>) {
  // The date and the request id differ on every response, whoever asks.
  const { date: _date, 'x-request-id': _requestId, ...headers } = res.headers;
  return { status: res.statusCode, headers, body: res.body };
}

describe('lock per account and source', () => {
  it('locks the pair after the limit and leaves the same account open from another address', async () => {
    expect(await failTimes('zone1', '203.0.113.10', 3)).toEqual([401, 401, 429]);
    const locked = await login('zone1', DEMO_PASSWORD, '203.0.113.10');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { minutes: 1 } });
    expect(locked.headers['retry-after']).toBe('60');

    const elsewhere = await login('zone1', DEMO_PASSWORD, '198.51.100.20');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('counts an IPv6 /64 as one source', async () => {
    expect(await failTimes('officer2', '2001:db8:5:6::1', 2)).toEqual([401, 401]);
    // A fresh address in the same /64 continues the count instead of starting a new one.
    expect((await login('officer2', 'wrong', '2001:db8:5:6::ffff')).statusCode).toBe(429);
    expect((await login('officer2', DEMO_PASSWORD, '2001:db8:5:7::1')).statusCode).toBe(200);
  });

  it('doubles the lock each time the pair is locked again, and a success clears the pair', async () => {
    const from = '203.0.113.30';
    await failTimes('officer1', from, 3);
    expect((await login('officer1', DEMO_PASSWORD, from)).headers['retry-after']).toBe('60');
    advance(1);
    await failTimes('officer1', from, 3);
    const second = await login('officer1', DEMO_PASSWORD, from);
    expect(second.headers['retry-after']).toBe('120');
    advance(2);
    await failTimes('officer1', from, 3);
    expect((await login('officer1', DEMO_PASSWORD, from)).headers['retry-after']).toBe('240');
    advance(4);

    expect((await login('officer1', DEMO_PASSWORD, from)).statusCode).toBe(200);
    const row = await t.platform.prisma.loginThrottle.findUnique({ where: { username_source: { username: 'officer1', source: from } } });
    expect(row).toBeNull();
  });

  it('audits failures, the lock and the locked attempt with the name as typed and the source', async () => {
    const rows = await t.platform.prisma.auditLog.findMany({
      where: { action: 'auth.login', ip: '203.0.113.10' },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => r.outcome)).toEqual(['FAILURE', 'FAILURE', 'FAILURE', 'DENIED']);
    expect(rows.at(-1)?.details).toMatchObject({ reason: 'locked', username: 'zone1', source: '203.0.113.10' });
    expect(rows[2]?.details).toMatchObject({ locked: true, lockCount: 1 });
  });
});

describe('unknown names', () => {
  // Each from its own address, so the per-address rate-limit counters in the headers match too.
  const realFrom = '192.0.2.50';
  const unknownFrom = '192.0.2.51';

  it('answers byte for byte like a real account, while failing and once locked', async () => {
    for (let i = 0; i < 3; i++) {
      const real = await login('inspector', `wrong-${i}`, realFrom);
      const unknown = await login('nobody-at-all', `wrong-${i}`, unknownFrom);
      expect(visible(unknown)).toEqual(visible(real));
    }
    const real = await login('inspector', DEMO_PASSWORD, realFrom);
    const unknown = await login('nobody-at-all', DEMO_PASSWORD, unknownFrom);
    expect(real.statusCode).toBe(429);
    expect(visible(unknown)).toEqual(visible(real));
  });

  it('costs the same work: a throttle row and an audit row per attempt, as for a real name', async () => {
    const pairs = await t.platform.prisma.loginThrottle.findMany({
      where: { source: { in: [realFrom, unknownFrom] } },
      orderBy: { username: 'asc' },
    });
    expect(pairs.map(({ username, failures, lockCount, lockedUntil }) => ({ username, failures, lockCount, lockedUntil }))).toEqual([
      { username: 'inspector', failures: 0, lockCount: 1, lockedUntil: expect.any(Date) },
      { username: 'nobody-at-all', failures: 0, lockCount: 1, lockedUntil: pairs[0]?.lockedUntil },
    ]);
    const audited = await t.platform.prisma.auditLog.groupBy({
      by: ['actorName', 'outcome'],
      where: { action: 'auth.login', ip: { in: [realFrom, unknownFrom] } },
      _count: true,
      orderBy: [{ actorName: 'asc' }, { outcome: 'asc' }],
    });
    expect(audited.map((a) => [a.actorName, a.outcome, a._count])).toEqual([
      ['inspector', 'DENIED', 1],
      ['inspector', 'FAILURE', 3],
      ['nobody-at-all', 'DENIED', 1],
      ['nobody-at-all', 'FAILURE', 3],
    ]);
  });

  it('throttles a name regardless of the case it is typed in', async () => {
    await failTimes('Command', '192.0.2.60', 2);
    expect((await login('COMMAND', 'wrong', '192.0.2.60')).statusCode).toBe(429);
  });
});

describe('administrator unlock', () => {
  // On the real clock: the administrators' second factor is checked against it.
  let u: TestApp;
  beforeAll(async () => {
    u = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => u.close());
  const attempt = (password: string, from: string) =>
    u.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zone1', password }, remoteAddress: from });

  it('shows where an account is locked from and lets only the security administrator clear it', async () => {
    const zone1 = await u.platform.prisma.user.findUniqueOrThrow({ where: { username: 'zone1' } });
    for (const from of ['203.0.113.10', '203.0.113.11']) for (let i = 0; i < 3; i++) await attempt(`wrong-${i}`, from);

    const admin = await u.login('admin');
    const seen = await u.app.inject({ url: `/api/users/${zone1.id}/locks`, headers: { cookie: admin } });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ locked: true });
    expect(
      seen
        .json()
        .sources.map((s: { source: string }) => s.source)
        .sort(),
    ).toEqual(['203.0.113.10', '203.0.113.11']);

    const byAdmin = await u.app.inject({ method: 'POST', url: `/api/users/${zone1.id}/unlock`, headers: { cookie: admin } });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.code).toBe('ROLE_NOT_ALLOWED');
    const officer = await u.login('officer2');
    expect((await u.app.inject({ method: 'POST', url: `/api/users/${zone1.id}/unlock`, headers: { cookie: officer } })).statusCode).toBe(
      403,
    );
    expect((await attempt(DEMO_PASSWORD, '203.0.113.11')).statusCode).toBe(429);

    const security = await u.login('secadmin');
    const unlocked = await u.app.inject({ method: 'POST', url: `/api/users/${zone1.id}/unlock`, headers: { cookie: security } });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toEqual({ locked: false, sources: [] });
    expect((await attempt(DEMO_PASSWORD, '203.0.113.11')).statusCode).toBe(200);

    const audit = await u.platform.prisma.auditLog.findFirst({ where: { action: 'user.unlock', entityId: zone1.id } });
    expect(audit).toMatchObject({ outcome: 'SUCCESS', actorName: 'secadmin' });
    expect((audit?.details as { lockedSources: string[] }).lockedSources.sort()).toEqual(['203.0.113.10', '203.0.113.11']);
  });

  it('answers 404 for an account that does not exist', async () => {
    const security = await u.login('secadmin');
    const res = await u.app.inject({
      method: 'POST',
      url: '/api/users/00000000-0000-7000-8000-000000000000/unlock',
      headers: { cookie: security },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('rate-limited logins', () => {
  it('are audited with the name as typed, the source and DENIED', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'someone', password: 'x' },
          remoteAddress: '192.0.2.99',
        });
      expect([(await attempt()).statusCode, (await attempt()).statusCode]).toEqual([401, 401]);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', params: { seconds: expect.any(Number) } });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const row = await limited.platform.prisma.auditLog.findFirst({ where: { action: 'auth.login', outcome: 'DENIED' } });
      expect(row).toMatchObject({ actorName: 'someone', ip: '192.0.2.99' });
      expect(row?.details).toMatchObject({ reason: 'rate limited', source: '192.0.2.99' });
    } finally {
      await limited.close();
    }
  });
});
