import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../support/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const loginAs = (username: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Demo@2021' } });
/** The code an authenticator shows `steps` periods from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

// The flow of one account, in order: each test continues where the previous one left off.
describe('TOTP for a privileged user (inspector)', () => {
  let secret: string;
  let recoveryCodes: string[];

  it('gives a password-only login no usable session: only me, logout and enrolment answer', async () => {
    const login = await loginAs('inspector');
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ username: 'inspector', pendingStep: 'MFA_ENROLMENT', mfaEnabled: false });
    const cookie = sessionCookie(login);
    for (const url of ['/api/enterprises', '/api/meetings', '/api/events', `/api/media/${randomUUID()}`, '/api/wall/stats']) {
      const res = await call('GET', url, cookie);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code, url).toBe('MFA_ENROLMENT_REQUIRED');
    }
    expect((await call('GET', '/api/auth/me', cookie)).json().pendingStep).toBe('MFA_ENROLMENT');
    expect((await call('POST', '/api/auth/logout', cookie)).statusCode).toBe(204);
  });

  it('enrols: the secret is stored sealed, a wrong code is refused and audited, the right one returns 10 recovery codes', async () => {
    const cookie = sessionCookie(await loginAs('inspector'));
    const enrolment = await call('POST', '/api/auth/mfa/enrolment', cookie);
    expect(enrolment.statusCode).toBe(200);
    secret = enrolment.json().secret;
    expect(enrolment.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*inspector\?.*secret=/);
    const stored = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'inspector' } });
    expect(stored.mfaSecret).toMatch(/^v1\./);
    expect(stored.mfaSecret).not.toContain(secret);
    expect(stored.mfaEnabledAt).toBeNull();

    const wrongCode = String((Number(await codeAt(secret)) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await call('POST', '/api/auth/mfa/activate', cookie, { code: wrongCode });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([expect.objectContaining({ field: 'code', code: 'MFA_CODE_INVALID' })]);
    expect(await t.platform.prisma.auditLog.count({ where: { action: 'auth.mfa.activate', outcome: 'FAILURE', actorId: stored.id } })).toBe(
      1,
    );

    const activated = await call('POST', '/api/auth/mfa/activate', cookie, { code: await codeAt(secret, -1) });
    expect(activated.statusCode, activated.body).toBe(200);
    recoveryCodes = activated.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call('GET', '/api/enterprises', cookie)).statusCode).toBe(200);
    expect((await call('POST', '/api/auth/mfa/enrolment', cookie)).json().error.code).toBe('MFA_ALREADY_ENABLED');
    expect(await t.platform.prisma.mfaRecoveryCode.count({ where: { userId: stored.id, codeHash: { in: recoveryCodes } } })).toBe(0);
    await call('POST', '/api/auth/logout', cookie);
  });

  it('asks for the code at the next login and refuses everything else, the password change included, until it is given', async () => {
    const login = await loginAs('inspector');
    expect(login.json()).toMatchObject({ pendingStep: 'MFA', mfaEnabled: true });
    const cookie = sessionCookie(login);
    for (const [method, url] of [
      ['GET', '/api/enterprises'],
      ['GET', '/api/events'],
      ['POST', '/api/auth/password'],
    ] as const) {
      const res = await call(
        method,
        url,
        cookie,
        method === 'POST' ? { currentPassword: 'Demo@2021', newPassword: 'Another-pass-2026' } : undefined,
      );
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code, url).toBe('MFA_REQUIRED');
    }
    const verified = await call('POST', '/api/auth/mfa/verify', cookie, { code: await codeAt(secret) });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().pendingStep).toBeNull();
    expect((await call('GET', '/api/enterprises', cookie)).statusCode).toBe(200);
    expect((await call('POST', '/api/auth/mfa/verify', cookie, { code: await codeAt(secret, 1) })).json().error.code).toBe(
      'MFA_NOT_PENDING',
    );
  });

  it('refuses a code that was used already (replay within its window)', async () => {
    const cookie = sessionCookie(await loginAs('inspector'));
    const replay = await call('POST', '/api/auth/mfa/verify', cookie, { code: await codeAt(secret) });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.details).toEqual([expect.objectContaining({ code: 'MFA_CODE_REUSED' })]);
    expect((await call('GET', '/api/enterprises', cookie)).statusCode).toBe(403);
  });

  it('takes each recovery code once, typed with or without the dash', async () => {
    const first = sessionCookie(await loginAs('inspector'));
    expect((await call('POST', '/api/auth/mfa/verify', first, { recoveryCode: recoveryCodes[0] })).statusCode).toBe(200);
    const second = sessionCookie(await loginAs('inspector'));
    const again = await call('POST', '/api/auth/mfa/verify', second, { recoveryCode: recoveryCodes[0] });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toEqual([expect.objectContaining({ field: 'recoveryCode', code: 'MFA_RECOVERY_CODE_INVALID' })]);
    const typed = recoveryCodes[1]!.replace('-', '').toUpperCase();
    expect((await call('POST', '/api/auth/mfa/verify', second, { recoveryCode: typed })).statusCode).toBe(200);
    expect((await call('GET', '/api/meetings', second)).statusCode).toBe(200);
  });

  it('is reset by the security administrator only: the sessions end and the next login enrols again', async () => {
    const inspector = sessionCookie(await loginAs('inspector'));
    expect((await call('POST', '/api/auth/mfa/verify', inspector, { recoveryCode: recoveryCodes[2] })).statusCode).toBe(200);
    const id = (await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'inspector' } })).id;

    const byAdmin = await call('POST', `/api/users/${id}/mfa/reset`, await t.login('admin'));
    expect(byAdmin.statusCode).toBe(403);
    const reset = await call('POST', `/api/users/${id}/mfa/reset`, await t.login('secadmin'));
    expect(reset.statusCode, reset.body).toBe(204);

    expect((await call('GET', '/api/auth/me', inspector)).statusCode).toBe(401);
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ mfaSecret: null, mfaEnabledAt: null });
    expect(await t.platform.prisma.mfaRecoveryCode.count({ where: { userId: id } })).toBe(0);
    expect((await loginAs('inspector')).json().pendingStep).toBe('MFA_ENROLMENT');
    expect(await t.platform.prisma.auditLog.count({ where: { action: 'user.mfa.reset', entityId: id, outcome: 'SUCCESS' } })).toBe(1);
  });
});

describe('wrong codes', () => {
  it('count towards the throttle: the account is locked from this address after repeated failures', async () => {
    const cookie = await t.login('command');
    await call('POST', '/api/auth/logout', cookie);
    const session = sessionCookie(await loginAs('command'));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('POST', '/api/auth/mfa/verify', session, { code: '000000' })).statusCode);
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses.at(-1)).toBe(429);
    const secret = t.mfa.secretOf('command')!;
    // Even the right code waits for the lock to pass.
    expect((await call('POST', '/api/auth/mfa/verify', session, { code: await codeAt(secret, 1) })).statusCode).toBe(429);
  });
});

describe('a user without a privileged role', () => {
  it('may enrol voluntarily and is then asked for the code at login', async () => {
    const cookie = await t.login('officer1');
    const { secret } = (await call('POST', '/api/auth/mfa/enrolment', cookie)).json();
    expect((await call('POST', '/api/auth/mfa/activate', cookie, { code: await codeAt(secret) })).statusCode).toBe(200);
    const next = await loginAs('officer1');
    expect(next.json().pendingStep).toBe('MFA');
    expect((await call('POST', '/api/auth/mfa/verify', sessionCookie(next), { code: await codeAt(secret, 1) })).statusCode).toBe(200);
  });
});
