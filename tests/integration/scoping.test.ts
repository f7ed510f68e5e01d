import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let ownEnterpriseId: string;
let otherEnterpriseId: string;
let tedaZoneId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'auditor', 'inspector', 'command', 'zone1', 'officer1', 'officer2', 'worker1']) cookies[u] = await t.login(u);
  const officer1 = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
  const officer2 = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer2' } });
  ownEnterpriseId = officer1.enterpriseId!;
  otherEnterpriseId = officer2.enterpriseId!;
  tedaZoneId = (await t.platform.prisma.zone.findUniqueOrThrow({ where: { code: 'TEDA' } })).id;
});
afterAll(() => t.close());

const get = (user: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[user]! } });

describe('enterprise officer', () => {
  it('cannot read another enterprise, its teams or its shifts, and each refusal is a 404 that is audited', async () => {
    for (const url of [
      `/api/enterprises/${otherEnterpriseId}`,
      `/api/enterprises/${otherEnterpriseId}/teams`,
      `/api/enterprises/${otherEnterpriseId}/shifts`,
    ]) {
      const res = await get('officer1', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const denied = await t.platform.prisma.auditLog.count({
      where: { actorName: 'officer1', outcome: 'DENIED', enterpriseId: otherEnterpriseId },
    });
    expect(denied).toBe(3);
  });

  it('reads its own enterprise and sees only it in the list', async () => {
    expect((await get('officer1', `/api/enterprises/${ownEnterpriseId}`)).statusCode).toBe(200);
    const list = (await get('officer1', '/api/enterprises')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(ownEnterpriseId);
  });

  it('cannot read a team of another enterprise by id', async () => {
    const team = await t.platform.prisma.team.findFirstOrThrow({ where: { enterpriseId: otherEnterpriseId } });
    expect((await get('officer1', `/api/teams/${team.id}`)).statusCode).toBe(404);
    expect((await get('officer2', `/api/teams/${team.id}`)).statusCode).toBe(200);
  });

  it('cannot add a team to another enterprise', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/enterprises/${otherEnterpriseId}/teams`,
      headers: { cookie: cookies.officer1! },
      payload: { name: '渗透组', members: [] },
    });
    expect(res.statusCode).toBe(404);
    expect(await t.platform.prisma.team.count({ where: { name: '渗透组' } })).toBe(0);
  });

  it('cannot create bureau accounts, only its own workers', async () => {
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.officer1! },
      payload: { username: 'sneaky', displayName: 'x', role: 'ADMIN', password: 'Harbour-light-9' },
    });
    expect(admin.statusCode).toBe(403);
    expect(await t.platform.prisma.user.count({ where: { username: 'sneaky' } })).toBe(0);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.officer1! },
      payload: { username: 'sneaky2', displayName: 'x', role: 'WORKER', enterpriseId: otherEnterpriseId, password: 'Harbour-light-9' },
    });
    expect(foreign.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.officer1! },
      payload: {
        username: 'new-worker',
        displayName: '新职工',
        role: 'WORKER',
        enterpriseId: ownEnterpriseId,
        password: 'Harbour-light-9',
      },
    });
    expect(own.statusCode).toBe(201);
    const list = (await get('officer1', '/api/users?pageSize=200')).json();
    expect(list.items.every((u: { enterprise: { id: string } | null }) => u.enterprise?.id === ownEnterpriseId)).toBe(true);
  });
});

describe('zone officer', () => {
  it('sees only enterprises of its zone', async () => {
    const list = (await get('zone1', '/api/enterprises?pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((e: { zone: { id: string } }) => e.zone.id === tedaZoneId)).toBe(true);
    expect((await get('zone1', `/api/enterprises/${ownEnterpriseId}`)).statusCode).toBe(200);
    expect((await get('zone1', `/api/enterprises/${otherEnterpriseId}`)).statusCode).toBe(404);
  });
});

describe('bureau roles', () => {
  it('inspector and command operator see every enterprise but cannot change one', async () => {
    const total = await t.platform.prisma.enterprise.count();
    expect((await get('inspector', '/api/enterprises')).json().total).toBe(total);
    expect((await get('command', `/api/enterprises/${otherEnterpriseId}`)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/enterprises/${otherEnterpriseId}/shifts`,
      headers: { cookie: cookies.inspector! },
      payload: { name: '加班', startTime: '18:00', endTime: '22:00', daysOfWeek: [6] },
    });
    expect(res.statusCode).toBe(404);
  });

  it('only admins manage users, and only the audit administrator reads the audit log', async () => {
    for (const user of ['inspector', 'command', 'zone1', 'worker1']) {
      expect((await get(user, '/api/users')).statusCode, user).toBe(403);
      expect((await get(user, '/api/audit')).statusCode, user).toBe(403);
    }
    expect((await get('admin', '/api/audit')).statusCode).toBe(403);
    expect((await get('auditor', '/api/audit')).statusCode).toBe(200);
    const forbidden = await t.platform.prisma.auditLog.count({ where: { action: 'access.forbidden', actorName: 'worker1' } });
    expect(forbidden).toBe(2);
  });
});

describe('worker', () => {
  it('sees only its own enterprise', async () => {
    expect((await get('worker1', `/api/enterprises/${otherEnterpriseId}`)).statusCode).toBe(404);
    expect((await get('worker1', '/api/enterprises')).json().total).toBe(1);
  });
});

describe('API tokens', () => {
  it('act as the enterprise they were issued for and nothing else', async () => {
    const officer1 = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const { token } = await t.platform.services.auth.issueApiToken(
      ownEnterpriseId,
      'MES',
      { userId: officer1.id, username: 'officer1', role: 'ENTERPRISE_OFFICER', enterpriseId: ownEnterpriseId, zoneId: null },
      null,
    );
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: `/api/enterprises/${ownEnterpriseId}/teams`, headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/enterprises/${otherEnterpriseId}/teams`, headers: auth })).statusCode).toBe(404);
    const bad = await t.app.inject({ url: '/api/enterprises', headers: { authorization: 'Bearer bhs_forged' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('TOKEN_INVALID');
  });
});
