import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let admin: string;
let zoneId: string;
let industryId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  zoneId = (await t.platform.prisma.zone.findUniqueOrThrow({ where: { code: 'HAIBIN' } })).id;
  industryId = (await t.platform.prisma.industry.findUniqueOrThrow({ where: { code: 'HAZCHEM-PROD' } })).id;
});
afterAll(() => t.close());

const enterprise = (overrides: Record<string, unknown> = {}) => ({
  name: '天津测试化工有限公司',
  creditCode: '91350100M000100Y43',
  zoneId,
  industryId,
  riskLevel: 'ORANGE',
  address: '天津市滨海新区海滨大道1号',
  latitude: 38.8,
  longitude: 117.5,
  contactName: '赵测试',
  contactPhone: '022-25551234',
  ...overrides,
});

const post = (url: string, payload: unknown, cookie = admin) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });

describe('enterprises', () => {
  it('rejects an invalid credit code with the field, the reason and the expected check character', async () => {
    const res = await post('/api/enterprises', enterprise({ creditCode: '91350100M000100Y44' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'creditCode', code: 'CREDIT_CODE_CHECK_DIGIT', params: { expected: '3', actual: '4' }, message: expect.any(String) },
    ]);
    expect(await t.platform.prisma.enterprise.count({ where: { name: '天津测试化工有限公司' } })).toBe(0);
  });

  it('names every bad field of a malformed body at once', async () => {
    const res = await post(
      '/api/enterprises',
      enterprise({ riskLevel: 'PURPLE', contactPhone: 'call me', zoneId: 'x', latitude: 'north' }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['contactPhone', 'latitude', 'riskLevel', 'zoneId']);
  });

  it('creates a valid enterprise, then refuses the same credit code again', async () => {
    const created = await post('/api/enterprises', enterprise({ creditCode: '91350100m000100y43' }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ creditCode: '91350100M000100Y43', zone: { id: zoneId }, latitude: 38.8 });
    const again = await post('/api/enterprises', enterprise({ name: '另一家' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CREDIT_CODE_TAKEN');
    const audit = await t.platform.prisma.auditLog.findFirst({ where: { action: 'enterprise.create', entityId: created.json().id } });
    expect(audit?.outcome).toBe('SUCCESS');
  });

  it('is not writable by a zone officer', async () => {
    const res = await post('/api/enterprises', enterprise({ creditCode: '91110000600037341L' }), await t.login('zone1'));
    expect(res.statusCode).toBe(403);
  });
});

describe('shifts and teams', () => {
  it('marks a shift that ends after midnight as overnight and refuses a zero-length one', async () => {
    const officer = await t.login('officer2');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: officer } });
    const enterpriseId = me.json().enterprise.id;
    const night = await post(
      `/api/enterprises/${enterpriseId}/shifts`,
      { name: '大夜班', startTime: '22:00', endTime: '06:00', daysOfWeek: [1, 2, 3, 4, 5] },
      officer,
    );
    expect(night.statusCode).toBe(201);
    expect(night.json()).toMatchObject({ overnight: true, startTime: '22:00', endTime: '06:00', meetingWindowBefore: 60 });
    const zero = await post(
      `/api/enterprises/${enterpriseId}/shifts`,
      { name: '零班', startTime: '08:00', endTime: '08:00', daysOfWeek: [1] },
      officer,
    );
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.details[0].field).toBe('endTime');
    const badTime = await post(
      `/api/enterprises/${enterpriseId}/shifts`,
      { name: '错班', startTime: '25:00', endTime: '08:00', daysOfWeek: [8] },
      officer,
    );
    expect(
      badTime
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['daysOfWeek.0', 'startTime']);

    const team = await post(
      `/api/enterprises/${enterpriseId}/teams`,
      {
        name: '夜间巡检组',
        leaderName: '孙班长',
        shiftIds: [night.json().id],
        members: [
          { name: '孙班长', position: '班组长' },
          { name: '钱操作', employeeNo: 'N-02' },
        ],
      },
      officer,
    );
    expect(team.statusCode).toBe(201);
    expect(team.json().members).toHaveLength(2);

    // Replacing the roster deactivates dropped members but keeps kept ones by id.
    const kept = team.json().members.find((m: { name: string }) => m.name === '孙班长');
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/teams/${team.json().id}`,
      headers: { cookie: officer },
      payload: { name: '夜间巡检组', shiftIds: [], members: [kept, { name: '李新人' }] },
    });
    expect(updated.statusCode).toBe(200);
    expect(
      updated
        .json()
        .members.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['孙班长', '李新人'].sort());
    expect(updated.json().members.find((m: { name: string }) => m.name === '孙班长').id).toBe(kept.id);
  });
});
