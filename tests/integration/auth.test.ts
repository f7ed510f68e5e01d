import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    LOGIN_MAX_FAILURES: '3',
    LOGIN_LOCKOUT_MINUTES: '10',
    SESSION_IDLE_MINUTES: '30',
    SESSION_ABSOLUTE_HOURS: '12',
  });
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('login and logout', () => {
  it('logs in with an httpOnly SameSite=Lax session cookie and reports the user', async () => {
    const res = await login('officer1', 'Demo@2021');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'bhs_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ username: 'officer1', role: 'ENTERPRISE_OFFICER', enterprise: { name: expect.any(String) } });

    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: sessionCookie(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('officer1');
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const wrong = await login('inspector', 'nope');
    const unknown = await login('nobody-here', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('ends the session on logout', async () => {
    const cookie = await t.login('command');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('SESSION_INVALID');
  });

  it('refuses requests without a session', async () => {
    const res = await t.app.inject({ url: '/api/enterprises' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('lockout', () => {
  it('locks an account after repeated failures, even for the right password, and audits it', async () => {
    expect((await login('zone1', 'bad-1')).statusCode).toBe(401);
    expect((await login('zone1', 'bad-2')).statusCode).toBe(401);
    const third = await login('zone1', 'bad-3');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await login('zone1', 'Demo@2021');
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(500);

    const rows = await t.platform.prisma.auditLog.findMany({ where: { action: 'auth.login', actorName: 'zone1' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.outcome)).toEqual(['FAILURE', 'FAILURE', 'FAILURE', 'DENIED']);
  });

  it('lets the user in again once the lockout has passed', async () => {
    await t.platform.prisma.loginThrottle.updateMany({ where: { username: 'zone1' }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await login('zone1', 'Demo@2021')).statusCode).toBe(200);
  });
});

describe('session expiry', () => {
  it('expires a session idle for longer than the idle timeout', async () => {
    const cookie = await t.login('inspector');
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'inspector' } });
    await t.platform.prisma.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'SESSION_IDLE_TIMEOUT', params: { minutes: 30 } });
  });

  it('expires a session past its absolute lifetime even when active', async () => {
    const cookie = await t.login('admin');
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await t.platform.prisma.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'SESSION_EXPIRED', params: { hours: expect.any(Number) } });
  });
});

describe('origin check', () => {
  it('refuses a state-changing request from a foreign origin and audits it', async () => {
    const res = await login('officer2', 'Demo@2021', { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORIGIN_REJECTED');
    const row = await t.platform.prisma.auditLog.findFirst({ where: { action: 'access.origin_rejected' } });
    expect(row?.outcome).toBe('DENIED');
  });

  it('accepts the same origin', async () => {
    const res = await login('officer2', 'Demo@2021', { origin: 'http://localhost:80', host: 'localhost:80' });
    expect(res.statusCode).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 after too many login attempts from one address', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
