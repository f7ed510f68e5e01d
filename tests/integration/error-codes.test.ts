// Every failure carries a registry code and params that the web app translates; these requests
// stand for each way a request can fail (schema, domain rule, missing record, duplicate, route).
import { ERROR_CODES, isErrorCode } from '@platform/contracts';
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

const post = (url: string, payload: object, cookie = admin) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });

const enterprise = (overrides: Record<string, unknown> = {}) => ({
  name: '错误码测试有限公司',
  creditCode: '91350100M000100Y43',
  zoneId,
  industryId,
  riskLevel: 'BLUE',
  address: '天津市滨海新区',
  contactName: '钱测试',
  contactPhone: '022-25550000',
  ...overrides,
});

/** Every code and every field code in an error body is in the registry, with exactly its declared params. */
function expectRegistered(body: { error: { code: string; params?: object; details?: { code: string; params?: object }[] } }) {
  for (const item of [body.error, ...(Array.isArray(body.error.details) ? body.error.details : [])]) {
    expect(isErrorCode(item.code), item.code).toBe(true);
    expect(Object.keys(item.params ?? {}).sort(), item.code).toEqual([...ERROR_CODES[item.code as keyof typeof ERROR_CODES]].sort());
  }
}

describe('error codes', () => {
  it('reports a missing field and a field of the wrong type with field codes', async () => {
    const { name: _name, ...withoutName } = enterprise();
    const res = await post('/api/enterprises', { ...withoutName, latitude: 'north', longitude: 117.5, address: 'x'.repeat(300) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(res.json().error.details.map((d: { field: string }) => [d.field, d]));
    expect(byField).toMatchObject({
      name: { code: 'FIELD_REQUIRED' },
      latitude: { code: 'FIELD_INVALID_TYPE', params: { expected: 'number' } },
      address: { code: 'FIELD_TOO_LONG', params: { max: 256 } },
    });
    expectRegistered(res.json());
  });

  it('reports a bad credit code with the rule and the expected character, and a missing reference', async () => {
    const res = await post(
      '/api/enterprises',
      enterprise({ creditCode: '91350100M000100Y44', industryId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'creditCode', code: 'CREDIT_CODE_CHECK_DIGIT', params: { expected: '3', actual: '4' }, message: expect.any(String) },
      { field: 'industryId', code: 'REFERENCE_NOT_FOUND', params: { entity: 'industry' }, message: expect.any(String) },
    ]);
    expectRegistered(res.json());
  });

  it('reports an unknown id as NOT_FOUND naming the kind of record, and an unknown route apart from it', async () => {
    const missing = await t.app.inject({ url: '/api/enterprises/00000000-0000-4000-8000-000000000000', headers: { cookie: admin } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'enterprise' } });
    const route = await t.app.inject({ url: '/api/no-such-thing', headers: { cookie: admin } });
    expect(route.json().error.code).toBe('ROUTE_NOT_FOUND');
    const badId = await t.app.inject({ url: '/api/enterprises/not-a-uuid', headers: { cookie: admin } });
    expect(badId.json().error.details).toEqual([
      expect.objectContaining({ field: 'id', code: 'FIELD_INVALID_FORMAT', params: { format: 'uuid' } }),
    ]);
    for (const res of [missing, route, badId]) expectRegistered(res.json());
  });

  it('names the duplicate: a taken username and a taken credit code', async () => {
    const user = { username: 'dup.user', displayName: '重复', role: 'INSPECTOR', password: 'Harbour-light-9' };
    expect((await post('/api/users', user)).statusCode).toBe(201);
    const again = await post('/api/users', user);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'USERNAME_TAKEN' });
    expect((await post('/api/enterprises', enterprise())).statusCode).toBe(201);
    const twice = await post('/api/enterprises', enterprise({ name: '另一家' }));
    expect(twice.json().error.code).toBe('CREDIT_CODE_TAKEN');
    const weak = await post('/api/users', { ...user, username: 'weak.user', password: 'onlyletters' });
    expect(weak.json().error.details).toEqual([
      expect.objectContaining({ field: 'password', code: 'PASSWORD_TOO_FEW_CLASSES', params: { min: 3 } }),
    ]);
    for (const res of [again, twice, weak]) expectRegistered(res.json());
  });

  it('says which rule refused a forbidden action', async () => {
    const res = await post('/api/enterprises', enterprise({ creditCode: '91110000600037341L' }), await t.login('zone1'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ROLE_NOT_ALLOWED');
    expectRegistered(res.json());
  });
});
