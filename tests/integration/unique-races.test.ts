import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Two requests creating the same unique thing at the same moment both pass the service's "is it
// taken?" check; the database decides, and its unique violation must come back as a 409 with the
// same code the check gives, never as a 500.

let t: TestApp;
let admin: string;
let officer: string;
let enterpriseId: string;
let zoneId: string;
let industryId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('officer1');
  const prisma = t.platform.prisma;
  enterpriseId = (await prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } })).enterpriseId!;
  zoneId = (await prisma.zone.findUniqueOrThrow({ where: { code: 'HAIBIN' } })).id;
  industryId = (await prisma.industry.findUniqueOrThrow({ where: { code: 'HAZCHEM-PROD' } })).id;
});
afterAll(() => t.close());

/** Sends the same create `times` times at once; returns the statuses sorted, and the refusals. */
async function race(url: string, cookie: string, payload: (i: number) => object, times = 4) {
  const answers = await Promise.all(
    Array.from({ length: times }, (_, i) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload(i) })),
  );
  const statuses = answers.map((a) => a.statusCode).sort();
  const refused = answers.filter((a) => a.statusCode === 409).map((a) => a.json().error);
  return { statuses, refused, bodies: answers.map((a) => a.body) };
}

describe('concurrent creates of the same unique thing', () => {
  it('two cameras at one address: one is registered, the others get 409 CAMERA_DUPLICATE', async () => {
    const { statuses, refused, bodies } = await race('/api/cameras', officer, (i) => ({
      name: `并发摄像头${i}`,
      rtspUrl: 'rtsp://192.0.2.10:554/Streaming/Channels/101',
      username: 'admin',
      password: `secret-${i}`,
    }));
    expect(statuses, bodies.join('\n')).toEqual([201, 409, 409, 409]);
    for (const error of refused) expect(error.code).toBe('CAMERA_DUPLICATE');
  });

  it('two teams with one name: one is created, the others get 409 TEAM_NAME_TAKEN', async () => {
    const { statuses, refused, bodies } = await race(`/api/enterprises/${enterpriseId}/teams`, officer, () => ({ name: '并发测试组' }));
    expect(statuses, bodies.join('\n')).toEqual([201, 409, 409, 409]);
    for (const error of refused) expect(error.code).toBe('TEAM_NAME_TAKEN');
  });

  it('two users with one user name: one is created, the others get 409 USERNAME_TAKEN', async () => {
    const { statuses, refused, bodies } = await race('/api/users', admin, () => ({
      username: 'race.user',
      displayName: '并发',
      role: 'INSPECTOR',
      password: 'Harbour-light-9',
    }));
    expect(statuses, bodies.join('\n')).toEqual([201, 409, 409, 409]);
    for (const error of refused) expect(error.code).toBe('USERNAME_TAKEN');
  });

  it('two enterprises with one credit code: one is created, the others get 409 CREDIT_CODE_TAKEN', async () => {
    const { statuses, refused, bodies } = await race('/api/enterprises', admin, (i) => ({
      name: `并发化工${i}`,
      creditCode: '91350100M000100Y43',
      zoneId,
      industryId,
      riskLevel: 'ORANGE',
      address: '天津市滨海新区海滨大道1号',
      contactName: '赵测试',
      contactPhone: '022-25551234',
    }));
    expect(statuses, bodies.join('\n')).toEqual([201, 409, 409, 409]);
    for (const error of refused) expect(error.code).toBe('CREDIT_CODE_TAKEN');
  });

  it('two zones with one code: one is created, the others get 409 ZONE_TAKEN naming the field', async () => {
    const { statuses, refused, bodies } = await race('/api/zones', admin, (i) => ({
      code: 'RACE-1',
      name: `并发街道${i}`,
      kind: 'STREET',
    }));
    expect(statuses, bodies.join('\n')).toEqual([201, 409, 409, 409]);
    for (const error of refused) expect(error).toMatchObject({ code: 'ZONE_TAKEN', params: { field: 'code' } });
  });
});
