import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// 三权分立: the system administrator runs the organisation and ordinary accounts, the security
// administrator the administrator accounts, the audit administrator only reads the audit log.

let t: TestApp;
const cookies: Record<string, string> = {};
let zoneId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'secadmin', 'auditor', 'officer1']) cookies[u] = await t.login(u);
  zoneId = (await t.platform.prisma.zone.findFirstOrThrow({ where: { code: 'TEDA' } })).id;
});
afterAll(() => t.close());

const as = (user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie: cookies[user]!, 'user-agent': `sod-test/${user}` } });

const newUser = (username: string, role: string, extra: object = {}) => ({
  username,
  displayName: `测试 ${username}`,
  role,
  password: 'Strong#Pass2026x',
  ...extra,
});

describe('audit administrator', () => {
  it('alone reads and exports the audit log', async () => {
    for (const user of ['admin', 'secadmin', 'officer1']) {
      expect((await as(user, 'GET', '/api/audit')).statusCode, user).toBe(403);
      expect((await as(user, 'GET', '/api/audit/export')).statusCode, user).toBe(403);
    }
    const list = await as('auditor', 'GET', '/api/audit?pageSize=5');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
  });

  it('manages nothing: no accounts, no organisation data', async () => {
    expect((await as('auditor', 'GET', '/api/users')).statusCode).toBe(403);
    expect((await as('auditor', 'POST', '/api/users', newUser('by-auditor', 'WORKER'))).statusCode).toBe(403);
    expect((await as('auditor', 'POST', '/api/zones', { code: 'AUD1', name: '审计区', kind: 'DEVELOPMENT_ZONE' })).statusCode).toBe(403);
    const enterprises = await as('auditor', 'GET', '/api/enterprises');
    expect(enterprises.statusCode).toBe(200);
    expect(enterprises.json().items).toEqual([]);
  });

  it('sees every administrator action with who, where, the object by name and the outcome', async () => {
    const created = await as('admin', 'POST', '/api/users', newUser('sod-worker', 'WORKER', { enterpriseId: await officer1Enterprise() }));
    expect(created.statusCode).toBe(201);
    const refused = await as('admin', 'POST', '/api/users', newUser('sod-auditor', 'AUDIT_ADMIN'));
    expect(refused.statusCode).toBe(403);

    const res = await as('auditor', 'GET', '/api/audit?action=user.create');
    const entry = res.json().items.find((e: { entityId: string }) => e.entityId === created.json().id);
    expect(entry).toMatchObject({
      actorName: 'admin',
      actorDisplayName: '系统管理员',
      actorRole: 'ADMIN',
      entityType: 'user',
      entityLabel: '测试 sod-worker',
      outcome: 'SUCCESS',
      ip: '127.0.0.1',
      userAgent: 'sod-test/admin',
    });
    const forbidden = await as('auditor', 'GET', '/api/audit?action=access.forbidden&actor=admin');
    expect(forbidden.json().items[0]).toMatchObject({
      actorRole: 'ADMIN',
      outcome: 'DENIED',
      details: { method: 'POST', url: '/api/users', reason: 'ADMINISTRATOR_ACCOUNT_RESERVED' },
    });
  });

  it('leaves a trace of each read and export, and the export is CSV with a BOM and Chinese headings', async () => {
    const before = await t.platform.prisma.auditLog.count({
      where: { action: { in: ['audit.read', 'audit.export'] }, actorName: 'auditor' },
    });
    const csv = await as('auditor', 'GET', '/api/audit/export?outcome=DENIED');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^编号,时间,操作人/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(',拒绝,'))).toBe(true);
    await as('auditor', 'GET', '/api/audit');
    const after = await t.platform.prisma.auditLog.count({
      where: { action: { in: ['audit.read', 'audit.export'] }, actorName: 'auditor' },
    });
    expect(after - before).toBe(2);
  });

  it('filters by time, actor, action and outcome', async () => {
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await as('auditor', 'GET', `/api/audit?from=${future}`)).json().total).toBe(0);
    const denied = (await as('auditor', 'GET', '/api/audit?outcome=DENIED&actor=系统管理员')).json();
    expect(denied.total).toBeGreaterThan(0);
    expect(denied.items.every((e: { outcome: string; actorName: string }) => e.outcome === 'DENIED' && e.actorName === 'admin')).toBe(true);
    expect((await as('auditor', 'GET', '/api/audit?from=2026-02-30T00:00:00Z')).statusCode).toBe(400);
  });
});

describe('system administrator', () => {
  it('manages organisation and ordinary accounts, with masked before/after values of changes', async () => {
    const zone = await as('admin', 'POST', '/api/zones', { code: 'SOD1', name: '分权测试区', kind: 'DEVELOPMENT_ZONE' });
    expect(zone.statusCode).toBe(201);
    const user = await as('admin', 'POST', '/api/users', newUser('sod-inspector', 'INSPECTOR', { phone: '13812345678' }));
    expect(user.statusCode).toBe(201);
    const id = user.json().id;
    expect((await as('admin', 'PATCH', `/api/users/${id}`, { phone: '13987654321', displayName: '张检 2' })).statusCode).toBe(200);
    expect((await as('admin', 'PATCH', `/api/users/${id}`, { active: false })).statusCode).toBe(200);

    const rows = await t.platform.prisma.auditLog.findMany({
      where: { entityId: id, action: { startsWith: 'user.' } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.update', 'user.deactivate']);
    const details = rows[1]!.details as { label: string; changes: Record<string, { from: unknown; to: unknown }> };
    expect(details.label).toBe('张检 2');
    expect(details.changes).toEqual({
      phone: { from: '138****5678', to: '139****4321' },
      displayName: { from: '测试 sod-inspector', to: '张检 2' },
    });
    expect(JSON.stringify(rows.map((r) => r.details))).not.toContain('13987654321');
    expect((rows[2]!.details as { changes: object }).changes).toEqual({ active: { from: true, to: false } });
  });

  it('cannot create, promote to or change administrator accounts', async () => {
    for (const role of ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']) {
      const res = await as('admin', 'POST', '/api/users', newUser(`sod-${role.toLowerCase()}`, role));
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('ADMINISTRATOR_ACCOUNT_RESERVED');
    }
    const inspector = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'inspector' } });
    expect((await as('admin', 'PATCH', `/api/users/${inspector.id}`, { role: 'AUDIT_ADMIN' })).json().error.code).toBe(
      'ADMINISTRATOR_ACCOUNT_RESERVED',
    );
    const auditor = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'auditor' } });
    const renamed = await as('admin', 'PATCH', `/api/users/${auditor.id}`, { displayName: '我改的', active: false });
    expect(renamed.statusCode).toBe(403);
    expect((await t.platform.prisma.user.findUniqueOrThrow({ where: { id: auditor.id } })).active).toBe(true);
  });
});

describe('security administrator', () => {
  it('creates administrator accounts and changes their roles, but no ordinary account', async () => {
    const created = await as('secadmin', 'POST', '/api/users', newUser('sod-auditor2', 'AUDIT_ADMIN'));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const moved = await as('secadmin', 'PATCH', `/api/users/${id}`, { role: 'SECURITY_ADMIN' });
    expect(moved.statusCode).toBe(200);
    const row = await t.platform.prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: 'user.role.change' } });
    expect(row.actorRole).toBe('SECURITY_ADMIN');
    expect((row.details as { changes: object }).changes).toEqual({ role: { from: 'AUDIT_ADMIN', to: 'SECURITY_ADMIN' } });

    const worker = await as(
      'secadmin',
      'POST',
      '/api/users',
      newUser('sod-worker2', 'WORKER', { enterpriseId: await officer1Enterprise() }),
    );
    expect(worker.statusCode).toBe(403);
    const inspector = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'inspector' } });
    expect((await as('secadmin', 'PATCH', `/api/users/${inspector.id}`, { displayName: '改名' })).statusCode).toBe(403);
  });

  it('sees accounts (to unlock them) but no organisation data, and cannot change it', async () => {
    const users = await as('secadmin', 'GET', '/api/users?pageSize=100');
    expect(users.statusCode).toBe(200);
    expect(users.json().items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['worker1', 'admin']));
    expect((await as('secadmin', 'POST', '/api/zones', { code: 'SEC1', name: '安全区', kind: 'DEVELOPMENT_ZONE' })).statusCode).toBe(403);
    expect((await as('secadmin', 'PUT', `/api/zones/${zoneId}`, { code: 'TEDA', name: '改名', kind: 'DEVELOPMENT_ZONE' })).statusCode).toBe(
      403,
    );
    expect((await as('secadmin', 'GET', '/api/enterprises')).json().items).toEqual([]);
    const enterpriseId = await officer1Enterprise();
    expect((await as('secadmin', 'GET', `/api/enterprises/${enterpriseId}`)).statusCode).toBe(404);
  });

  it('alone does the security actions (unlock, second-factor reset, ending sessions), each visible to the auditor', async () => {
    const worker = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'worker1' } });
    const actions = [`/api/users/${worker.id}/unlock`, `/api/users/${worker.id}/mfa/reset`, `/api/users/${worker.id}/sessions/revoke`];
    for (const user of ['admin', 'auditor'])
      for (const url of actions) expect((await as(user, 'POST', url)).statusCode, `${user} ${url}`).toBe(403);
    for (const url of actions) expect((await as('secadmin', 'POST', url)).statusCode, url).toBeLessThan(300);
    const seen = await as('auditor', 'GET', `/api/audit?actor=secadmin&outcome=SUCCESS&pageSize=100`);
    const recorded = seen
      .json()
      .items.filter((e: { entityId: string }) => e.entityId === worker.id)
      .map((e: { action: string }) => e.action);
    expect(recorded).toEqual(expect.arrayContaining(['user.unlock', 'user.mfa.reset', 'auth.session.revoke']));
  });

  it('no account can hold two administrator roles: the role is one value', async () => {
    const res = await as('secadmin', 'POST', '/api/users', { ...newUser('sod-two', 'AUDIT_ADMIN'), role: ['AUDIT_ADMIN', 'ADMIN'] });
    expect(res.statusCode).toBe(400);
  });
});

describe('audit noise', () => {
  it('does not record visits without credentials, but records a presented and refused one', async () => {
    const count = () => t.platform.prisma.auditLog.count({ where: { action: 'access.unauthenticated' } });
    const before = await count();
    expect((await t.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/enterprises' })).statusCode).toBe(401);
    expect(await count()).toBe(before);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: 'bhs_session=forged' } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer forged' } })).statusCode).toBe(401);
    expect(await count()).toBe(before + 2);
  });
});

async function officer1Enterprise(): Promise<string> {
  const officer = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
  return officer.enterpriseId!;
}
