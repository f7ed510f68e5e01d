// Sessions end when they should and say why: the concurrent-session limit, an administrator's
// password reset and deactivation, a user signing out one of their devices, a security
// administrator's revocation, and the call a password change makes. Each ending is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SESSION_LIMIT_PRIVILEGED: '1', SESSION_LIMIT: '2' });
});
afterAll(() => t.close());

const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
const codeOf = async (cookie: string) => {
  const res = await me(cookie);
  return res.statusCode === 200 ? 'OK' : `${res.statusCode} ${res.json().error.code}`;
};
const userId = async (username: string) => (await t.platform.prisma.user.findUniqueOrThrow({ where: { username } })).id;
const auditOf = (action: string, where: object = {}) =>
  t.platform.prisma.auditLog.findMany({ where: { action, ...where }, orderBy: { id: 'asc' } });

describe('concurrent sessions', () => {
  it('lets a privileged account hold one session: a new login ends the old one, which is told why', async () => {
    const first = await t.login('inspector');
    expect(await codeOf(first)).toBe('OK');
    const second = await t.login('inspector');
    expect(await codeOf(second)).toBe('OK');
    expect(await codeOf(first)).toBe('401 SESSION_REPLACED');
    const ended = await t.platform.prisma.session.findMany({ where: { userId: await userId('inspector'), endedReason: 'REPLACED' } });
    expect(ended).toHaveLength(1);
    const audited = await auditOf('auth.session.replaced', { actorId: await userId('inspector') });
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toMatchObject({ reason: 'REPLACED', sessions: 1 });
  });

  it('lets other accounts hold SESSION_LIMIT sessions and ends the oldest beyond it', async () => {
    const [a, b, c] = [await t.login('zone1'), await t.login('zone1'), await t.login('zone1')];
    expect([await codeOf(a), await codeOf(b), await codeOf(c)]).toEqual(['401 SESSION_REPLACED', 'OK', 'OK']);
  });
});

describe('an administrator resetting a password or deactivating an account', () => {
  it('ends every session of the account on a password reset, saying the password changed', async () => {
    const [a, b] = [await t.login('officer2'), await t.login('officer2')];
    const admin = await t.login('admin');
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${await userId('officer2')}`,
      headers: { cookie: admin },
      payload: { password: 'Reset#Pass2026x' },
    });
    expect(reset.statusCode).toBe(200);
    expect([await codeOf(a), await codeOf(b)]).toEqual(['401 SESSION_REVOKED_PASSWORD', '401 SESSION_REVOKED_PASSWORD']);
    const audited = await auditOf('auth.session.revoke', { entityId: await userId('officer2') });
    expect(audited.at(-1)!.details).toMatchObject({ reason: 'PASSWORD_RESET', sessions: 2 });
    expect(await codeOf(admin)).toBe('OK');
  });

  it('ends every session on deactivation, and they stay ended after reactivation', async () => {
    const worker = await t.login('worker1');
    const admin = await t.login('admin');
    const id = await userId('worker1');
    const patch = (active: boolean) =>
      t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: admin }, payload: { active } });
    expect((await patch(false)).statusCode).toBe(200);
    expect(await codeOf(worker)).toBe('401 ACCOUNT_DEACTIVATED');
    expect(await t.platform.prisma.session.count({ where: { userId: id, revokedAt: null } })).toBe(0);
    expect((await auditOf('auth.session.revoke', { entityId: id })).at(-1)!.details).toMatchObject({ reason: 'DEACTIVATED' });
    expect((await patch(true)).statusCode).toBe(200);
    expect(await codeOf(worker)).not.toBe('OK');
  });
});

describe('own sessions', () => {
  it('lists my open sessions with the current one marked, and signs out another of mine', async () => {
    const phone = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer1', password: 'Demo@2021' },
        headers: { 'user-agent': 'PhoneBrowser/1.0' },
      })
    ).cookies.find((c) => c.name === 'bhs_session')!;
    const phoneCookie = `bhs_session=${phone.value}`;
    const desk = await t.login('officer1');
    const list = await t.app.inject({ url: '/api/auth/sessions', headers: { cookie: desk } });
    expect(list.statusCode).toBe(200);
    const sessions = list.json() as { id: string; current: boolean; userAgent: string | null; ip: string | null }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect(other.userAgent).toBe('PhoneBrowser/1.0');

    const out = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: desk } });
    expect(out.statusCode).toBe(204);
    expect(await codeOf(phoneCookie)).toBe('401 SESSION_SIGNED_OUT');
    expect(await codeOf(desk)).toBe('OK');
    const audited = await auditOf('auth.session.signout', { entityId: other.id });
    expect(audited).toHaveLength(1);
    // Already ended: nothing to sign out.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: desk } })).statusCode).toBe(
      404,
    );
  });

  it("answers 404 for another user's session and leaves it alone", async () => {
    const victim = await t.login('command');
    const victimSession = await t.platform.prisma.session.findFirstOrThrow({
      where: { userId: await userId('command'), revokedAt: null },
    });
    const intruder = await t.login('officer1');
    const res = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${victimSession.id}`, headers: { cookie: intruder } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'session' } });
    expect(await codeOf(victim)).toBe('OK');
    const mine = (await t.app.inject({ url: '/api/auth/sessions', headers: { cookie: intruder } })).json() as { id: string }[];
    expect(mine.map((s) => s.id)).not.toContain(victimSession.id);
  });
});

describe('a security administrator', () => {
  it("ends all of an account's sessions; the user is told an administrator did it", async () => {
    const target = await t.login('officer1');
    const id = await userId('officer1');
    const url = `/api/users/${id}/sessions/revoke`;
    // The system administrator manages accounts but does not revoke sessions: separation of duties.
    const byAdmin = await t.app.inject({ method: 'POST', url, headers: { cookie: await t.login('admin') } });
    expect(byAdmin.statusCode).toBe(403);
    expect(await codeOf(target)).toBe('OK');

    const secadmin = await t.login('secadmin');
    const res = await t.app.inject({ method: 'POST', url, headers: { cookie: secadmin } });
    expect(res.statusCode).toBe(200);
    expect(res.json().revoked).toBeGreaterThanOrEqual(1);
    expect(await codeOf(target)).toBe('401 SESSION_REVOKED_ADMIN');
    const audited = await auditOf('auth.session.revoke', { entityId: id, actorId: await userId('secadmin') });
    expect(audited.at(-1)!.details).toMatchObject({ reason: 'REVOKED_BY_ADMIN' });

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/users/00000000-0000-4000-8000-000000000000/sessions/revoke',
      headers: { cookie: secadmin },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('changing one’s own password (SessionService.revokeOtherSessions)', () => {
  it('keeps the session that changed it and ends every other one', async () => {
    const [other, keeping] = [await t.login('officer1'), await t.login('officer1')];
    const id = await userId('officer1');
    const keep = await t.platform.prisma.session.findFirstOrThrow({
      where: { userId: id, revokedAt: null },
      orderBy: { createdAt: 'desc' },
    });
    const actor = { userId: id, username: 'officer1', role: 'ENTERPRISE_OFFICER' as const, enterpriseId: null, zoneId: null };
    expect(await t.platform.services.sessions.revokeOtherSessions(actor, keep.id)).toBe(1);
    expect([await codeOf(other), await codeOf(keeping)]).toEqual(['401 SESSION_REVOKED_PASSWORD', 'OK']);
  });
});
