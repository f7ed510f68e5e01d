// Cameras through the API with live meetings off: the RTSP address is sealed with its credentials,
// which are never answered, logged or audited; duplicates, scope, deletion while recording, and the
// ingest's calls answering 503 when there is no ingest.
import { SecretBox } from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const DATA_KEY = 'dGVzdC1kYXRhLWtleS10aGlydHktdHdvLWJ5dGVzISE=';
const PASSWORD = 'Pw!8x#Secret-Cam';
const NEW_PASSWORD = 'Another$Pw-2024';
const USERNAME = 'camadmin';
const ADDRESS = 'rtsp://192.168.1.64:554/Streaming/Channels/101';

let t: TestApp;
const logs: string[] = [];
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const box = new SecretBox(Buffer.from(DATA_KEY, 'base64'));
const text = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' }, { logOutput: { write: (line: string) => logs.push(line) } });
  for (const user of ['officer1', 'officer2', 'worker1', 'zone1']) cookies[user] = await t.login(user);
  const officer = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
  ids.enterprise = officer.enterpriseId!;
  ids.team = (await t.platform.prisma.team.findFirstOrThrow({ where: { enterpriseId: officer.enterpriseId! } })).id;
});
afterAll(() => t?.close());

function call(user: string, method: string, url: string, payload?: object) {
  return t.app.inject({ method: method as 'GET', url, headers: { cookie: cookies[user]! }, payload });
}

describe('registering a camera', () => {
  it('seals the full address, shows it without credentials, and never answers them', async () => {
    const res = await call('officer1', 'POST', '/api/cameras', {
      name: '一号会议室',
      teamId: ids.team,
      rtspUrl: ADDRESS,
      username: USERNAME,
      password: PASSWORD,
      transport: 'UDP',
      autoRecord: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '一号会议室',
      team: { id: ids.team },
      rtspUrl: ADDRESS,
      hasCredentials: true,
      transport: 'UDP',
      autoRecord: true,
      status: 'UNKNOWN',
      liveId: null,
    });
    expect(res.body).not.toContain(PASSWORD);
    expect(res.body).not.toContain(USERNAME);
    ids.camera = res.json().id;
    const row = await t.platform.prisma.camera.findUniqueOrThrow({ where: { id: ids.camera! } });
    expect(row.rtspUrlShown).toBe(ADDRESS);
    expect(text(row)).not.toContain(PASSWORD);
    expect(box.open(row.rtspUrlSealed)).toBe(`rtsp://${USERNAME}:${encodeURIComponent(PASSWORD)}@192.168.1.64:554/Streaming/Channels/101`);
  });

  it('refuses the same address again, with other credentials or with them in the address', async () => {
    for (const payload of [
      { name: '重复', rtspUrl: ADDRESS },
      { name: '重复', rtspUrl: ADDRESS, username: 'other', password: 'x' },
      { name: '重复', rtspUrl: `rtsp://${USERNAME}:pw@192.168.1.64:554/Streaming/Channels/101` },
    ]) {
      const res = await call('officer1', 'POST', '/api/cameras', payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CAMERA_DUPLICATE');
    }
    // Another enterprise may have a camera at the same (private) address.
    expect((await call('officer2', 'POST', '/api/cameras', { name: '乙的会议室', rtspUrl: ADDRESS })).statusCode).toBe(201);
  });

  it('changes the password alone, keeping the user name; audits that the credentials changed, never them', async () => {
    const res = await call('officer1', 'PATCH', `/api/cameras/${ids.camera}`, { name: '一号会议室（东）', password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '一号会议室（东）', rtspUrl: ADDRESS, hasCredentials: true });
    const row = await t.platform.prisma.camera.findUniqueOrThrow({ where: { id: ids.camera! } });
    expect(box.open(row.rtspUrlSealed)).toBe(
      `rtsp://${USERNAME}:${encodeURIComponent(NEW_PASSWORD)}@192.168.1.64:554/Streaming/Channels/101`,
    );
    const audit = await t.platform.prisma.auditLog.findMany({ where: { entityId: ids.camera }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['camera.create', 'camera.update']);
    expect(audit[1]!.details).toMatchObject({ changed: expect.arrayContaining(['name', 'credentials']) });
    // A new address without credentials drops them.
    const plain = await call('officer1', 'PATCH', `/api/cameras/${ids.camera}`, { rtspUrl: 'rtsp://192.168.1.65/stream1' });
    expect(plain.json()).toMatchObject({ rtspUrl: 'rtsp://192.168.1.65/stream1', hasCredentials: false });
    await call('officer1', 'PATCH', `/api/cameras/${ids.camera}`, { rtspUrl: ADDRESS, username: USERNAME, password: PASSWORD });
  });

  it('never puts the credentials in the audit log or the log output', async () => {
    const audit = await t.platform.prisma.auditLog.findMany({ where: { enterpriseId: ids.enterprise } });
    for (const secret of [PASSWORD, NEW_PASSWORD, encodeURIComponent(PASSWORD)]) {
      expect(text(audit)).not.toContain(secret);
      expect(logs.join('\n')).not.toContain(secret);
    }
    // The log did see the requests (so the check above looked at something).
    expect(logs.join('\n')).toContain('/api/cameras');
  });
});

describe('who sees and changes cameras', () => {
  it('officer2 and other zones get 404, workers 403, the zone officer sees its zone', async () => {
    expect((await call('officer2', 'GET', `/api/cameras/${ids.camera}`)).statusCode).toBe(404);
    expect((await call('officer2', 'PATCH', `/api/cameras/${ids.camera}`, { name: '改名' })).statusCode).toBe(404);
    expect((await call('officer2', 'DELETE', `/api/cameras/${ids.camera}`)).statusCode).toBe(404);
    expect((await call('worker1', 'GET', `/api/cameras/${ids.camera}`)).statusCode).toBe(403);
    expect((await call('worker1', 'GET', '/api/cameras')).statusCode).toBe(403);
    expect((await call('zone1', 'GET', `/api/cameras/${ids.camera}`)).statusCode).toBe(200);
    expect((await call('zone1', 'PATCH', `/api/cameras/${ids.camera}`, { name: '改名' })).statusCode).toBe(403);
    const zoneList = (await call('zone1', 'GET', '/api/cameras')).json();
    expect(zoneList.items.map((c: { id: string }) => c.id)).toEqual([ids.camera]);
    const own = (await call('officer2', 'GET', '/api/cameras')).json();
    expect(own.items.map((c: { id: string }) => c.id)).not.toContain(ids.camera);
    expect(own.total).toBe(1);
  });
});

describe('the ingest calls', () => {
  it('answers 503 LIVE_INGEST_UNAVAILABLE for check, record and watch when live meetings are off', async () => {
    for (const [method, action] of [
      ['POST', 'check'],
      ['POST', 'record'],
      ['GET', 'play'],
    ] as const) {
      const res = await call('officer1', method, `/api/cameras/${ids.camera}/${action}`, method === 'POST' ? {} : undefined);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('LIVE_INGEST_UNAVAILABLE');
    }
    // Nothing was left behind by the refused recording.
    expect(await t.platform.prisma.liveStream.count({ where: { cameraId: ids.camera! } })).toBe(0);
  });

  it('lists the live recording from a camera and refuses to delete it while it records', async () => {
    const live = await t.platform.prisma.liveStream.create({
      data: { enterpriseId: ids.enterprise!, teamId: ids.team, cameraId: ids.camera, source: 'CAMERA', title: '自动录制', status: 'LIVE' },
    });
    const list = (await call('officer1', 'GET', '/api/cameras')).json();
    expect(list.items[0]).toMatchObject({ id: ids.camera, liveId: live.id });
    const refused = await call('officer1', 'DELETE', `/api/cameras/${ids.camera}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CAMERA_ALREADY_RECORDING' });
    await t.platform.prisma.liveStream.update({ where: { id: live.id }, data: { status: 'ENDED', endedAt: new Date() } });
    expect((await call('officer1', 'DELETE', `/api/cameras/${ids.camera}`)).statusCode).toBe(204);
    expect((await call('officer1', 'GET', `/api/cameras/${ids.camera}`)).statusCode).toBe(404);
    // The recording stays, without its camera.
    expect((await t.platform.prisma.liveStream.findUniqueOrThrow({ where: { id: live.id } })).cameraId).toBeNull();
    const audit = await t.platform.prisma.auditLog.findMany({ where: { entityId: ids.camera }, orderBy: { id: 'asc' } });
    expect(audit.at(-1)!.action).toBe('camera.delete');
  });
});
