import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const loginAs = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const codes = (res: LightMyRequestResponse) => (res.json().error.details as { code: string }[]).map((d) => d.code);
const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
  call('POST', '/api/auth/password', cookie, { currentPassword, newPassword });

async function createWorker(username: string, password: string): Promise<string> {
  const enterprise = (await call('GET', '/api/enterprises?pageSize=1', admin)).json().items[0].id;
  const res = await call('POST', '/api/users', admin, {
    username,
    displayName: '测试职工',
    role: 'WORKER',
    enterpriseId: enterprise,
    password,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('password policy when an administrator sets a password', () => {
  it('names every broken rule with its code', async () => {
    const base = { displayName: '测试', role: 'INSPECTOR' };
    const short = await call('POST', '/api/users', admin, { ...base, username: 'p.short', password: 'Ab3$efgh9' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      expect.objectContaining({ field: 'password', code: 'PASSWORD_TOO_SHORT', params: { min: 10 } }),
    ]);
    expect(codes(await call('POST', '/api/users', admin, { ...base, username: 'p.classes', password: 'riverbank-blue' }))).toEqual([
      'PASSWORD_TOO_FEW_CLASSES',
    ]);
    expect(codes(await call('POST', '/api/users', admin, { ...base, username: 'liming', password: 'Xx-LiMing-2026' }))).toEqual([
      'PASSWORD_CONTAINS_USERNAME',
    ]);
    expect(codes(await call('POST', '/api/users', admin, { ...base, username: 'p.common', password: 'Password2024!' }))).toEqual([
      'PASSWORD_COMMON',
    ]);
    expect(await t.platform.prisma.user.count({ where: { username: { in: ['p.short', 'p.classes', 'liming', 'p.common'] } } })).toBe(0);
  });
});

describe('forced and voluntary password change', () => {
  it('makes a new account change its password at first login before anything else', async () => {
    await createWorker('first.login', 'Temp-pass-2026');
    const login = await loginAs('first.login', 'Temp-pass-2026');
    expect(login.json().pendingStep).toBe('PASSWORD_CHANGE');
    const cookie = sessionCookie(login);
    const blocked = await call('GET', '/api/meetings', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call('GET', '/api/auth/me', cookie)).json()).toMatchObject({ username: 'first.login', pendingStep: 'PASSWORD_CHANGE' });

    const wrong = await changePassword(cookie, 'not-the-password', 'Brand-new-pass-7');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG' })]);
    const failed = await t.platform.prisma.auditLog.findFirst({
      where: { action: 'auth.password.change', actorName: 'first.login' },
      orderBy: { id: 'desc' },
    });
    expect(failed).toMatchObject({ outcome: 'FAILURE' });

    const same = await changePassword(cookie, 'Temp-pass-2026', 'Temp-pass-2026');
    expect(same.json().error.details).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'PASSWORD_REUSED', params: { count: 5 } }),
    ]);
    expect(codes(await changePassword(cookie, 'Temp-pass-2026', 'xq'))).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_FEW_CLASSES']);

    expect((await changePassword(cookie, 'Temp-pass-2026', 'Brand-new-pass-7')).statusCode).toBe(204);
    expect((await call('GET', '/api/auth/me', cookie)).json().pendingStep).toBeNull();
    expect((await call('GET', '/api/meetings', cookie)).statusCode).toBe(200);
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'first.login' } });
    expect(user.mustChangePassword).toBe(false);
    expect(
      await t.platform.prisma.auditLog.count({ where: { action: 'auth.password.change', outcome: 'SUCCESS', actorId: user.id } }),
    ).toBe(1);
  });

  it('refuses the last five passwords, and allows the sixth back', async () => {
    await createWorker('history.user', 'Start-pass-2026');
    let current = 'Start-pass-2026';
    const cookie = sessionCookie(await loginAs('history.user', current));
    for (const next of ['Second-pass-1', 'Second-pass-2', 'Second-pass-3', 'Second-pass-4', 'Second-pass-5']) {
      expect((await changePassword(cookie, current, next)).statusCode).toBe(204);
      current = next;
    }
    // History now holds -5 … -1; -1 is the fifth newest, so still refused.
    expect(codes(await changePassword(cookie, current, 'Second-pass-1'))).toEqual(['PASSWORD_REUSED']);
    expect((await changePassword(cookie, current, 'Second-pass-6')).statusCode).toBe(204);
    expect((await changePassword(cookie, 'Second-pass-6', 'Second-pass-1')).statusCode).toBe(204);
    expect(await t.platform.prisma.passwordHistory.count({ where: { user: { username: 'history.user' } } })).toBe(5);
  });

  it('ends the other sessions of the user and keeps the one that changed it', async () => {
    await createWorker('two.devices', 'Device-pass-2026');
    const first = sessionCookie(await loginAs('two.devices', 'Device-pass-2026'));
    expect((await changePassword(first, 'Device-pass-2026', 'Device-pass-2027')).statusCode).toBe(204);
    const second = sessionCookie(await loginAs('two.devices', 'Device-pass-2027'));
    expect((await changePassword(second, 'Device-pass-2027', 'Device-pass-2028')).statusCode).toBe(204);
    expect((await call('GET', '/api/auth/me', first)).statusCode).toBe(401);
    expect((await call('GET', '/api/meetings', second)).statusCode).toBe(200);
  });

  it('forces a change again after an administrator reset', async () => {
    const id = await createWorker('reset.me', 'Reset-pass-2026');
    const cookie = sessionCookie(await loginAs('reset.me', 'Reset-pass-2026'));
    expect((await changePassword(cookie, 'Reset-pass-2026', 'Own-choice-2026')).statusCode).toBe(204);
    expect(codes(await call('PATCH', `/api/users/${id}`, admin, { password: 'Own-choice-2026' }))).toEqual(['PASSWORD_REUSED']);
    expect((await call('PATCH', `/api/users/${id}`, admin, { password: 'Admin-temp-2026' })).statusCode).toBe(200);
    expect((await loginAs('reset.me', 'Admin-temp-2026')).json().pendingStep).toBe('PASSWORD_CHANGE');
  });

  it('forces a change when the password is older than PASSWORD_MAX_AGE_DAYS (90)', async () => {
    await t.platform.prisma.user.update({
      where: { username: 'worker1' },
      data: { passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) },
    });
    expect((await loginAs('worker1', 'Demo@2021')).json().pendingStep).toBe('PASSWORD_CHANGE');
    await t.platform.prisma.user.update({
      where: { username: 'worker1' },
      data: { passwordChangedAt: new Date(Date.now() - 89 * 86_400_000) },
    });
    expect((await loginAs('worker1', 'Demo@2021')).json().pendingStep).toBeNull();
  });
});

describe('demo accounts', () => {
  it('are excepted from forced changes only while demo seeding is on', async () => {
    const demo = await createTestApp({ SEED_DEMO: '1' }, { databaseUrl: t.platform.databaseUrl });
    try {
      await t.platform.prisma.user.update({
        where: { username: 'officer2' },
        data: { mustChangePassword: true, passwordChangedAt: new Date(Date.now() - 400 * 86_400_000) },
      });
      const seeded = await demo.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer2', password: 'Demo@2021' },
      });
      expect(seeded.json().pendingStep).toBeNull();
      expect((await loginAs('officer2', 'Demo@2021')).json().pendingStep).toBe('PASSWORD_CHANGE');
    } finally {
      await demo.close();
    }
  });
});
