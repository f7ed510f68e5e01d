// Lives through the API with live meetings off (LIVE_ENABLED=0): publish keys shown once and stored
// hashed, rotation and revocation, ending, the limits, who may see and change what, and the signed
// links' checks. Pushing through a real ingest is in live-ingest-api.test.ts.
import { createHash } from 'node:crypto';
import { signStreamToken, streamTokenKey } from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const SIGNING_SECRET = 'test-secret-that-is-long-enough-0123456789';
let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ LIVE_RTMP_PORT: '29350', LIVE_MAX_TOTAL: '3' });
  for (const user of ['officer1', 'officer2', 'worker1', 'zone1']) cookies[user] = await t.login(user);
  const prisma = t.platform.prisma;
  for (const [who, username] of [
    ['a', 'officer1'],
    ['b', 'officer2'],
  ] as const) {
    const officer = await prisma.user.findUniqueOrThrow({ where: { username } });
    const team = await prisma.team.findFirstOrThrow({ where: { enterpriseId: officer.enterpriseId! }, include: { shifts: true } });
    ids[`${who}Enterprise`] = officer.enterpriseId!;
    ids[`${who}Team`] = team.id;
    ids[`${who}Shift`] = team.shifts[0]!.shiftId;
  }
});
afterAll(() => t?.close());

/** Rows as text, to look for a secret anywhere in them. */
const text = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

function call(user: string, method: string, url: string, payload?: object) {
  return t.app.inject({ method: method as 'GET', url, headers: { cookie: cookies[user]!, host: 'safety.example.cn' }, payload });
}

async function createLive(user = 'officer1', title = '早班班前会直播') {
  const team = user === 'officer2' ? ids.bTeam : ids.aTeam;
  return call(user, 'POST', '/api/live', { teamId: team, title });
}

describe('creating a live', () => {
  it('answers the publish address and key once, and stores only the hash', async () => {
    const res = await call('officer1', 'POST', '/api/live', { teamId: ids.aTeam, shiftId: ids.aShift, title: '早班班前会直播' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const id = body.live.id as string;
    const key = /^[0-9a-f-]{36}\?key=([A-Za-z0-9_-]{32})$/.exec(body.streamKey)?.[1];
    expect(key).toBeDefined();
    expect(body.streamKey.startsWith(`${id}?key=`)).toBe(true);
    // The host the officer reached the site by, on the RTMP port.
    expect(body.server).toBe('rtmp://safety.example.cn:29350/live');
    expect(body.url).toBe(`rtmp://safety.example.cn:29350/live/${id}?key=${key}`);
    expect(body.live).toMatchObject({
      status: 'IDLE',
      source: 'PUSH',
      team: { id: ids.aTeam },
      shift: { id: ids.aShift },
      keyPrefix: key!.slice(0, 6),
      revoked: false,
      interrupted: false,
    });
    expect(body.live.meetingDate).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));

    const row = await t.platform.prisma.liveStream.findUniqueOrThrow({ where: { id } });
    expect(row.streamKeyHash).toBe(createHash('sha256').update(key!).digest('hex'));
    expect(text(row)).not.toContain(key);
    // Never again: not in the live, not in the list, not in the audit log.
    const again = await call('officer1', 'GET', `/api/live/${id}`);
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain(key);
    expect((await call('officer1', 'GET', '/api/live')).body).not.toContain(key);
    const audit = await t.platform.prisma.auditLog.findMany({ where: { entityId: id } });
    expect(audit.map((a) => a.action)).toEqual(['live.create']);
    expect(text(audit)).not.toContain(key);
    ids.live = id;
  });

  it('refuses a team of another enterprise (404), a shift the team does not work (400), and workers (403)', async () => {
    expect((await call('officer1', 'POST', '/api/live', { teamId: ids.bTeam, title: '越权' })).statusCode).toBe(404);
    const shift = await call('officer1', 'POST', '/api/live', { teamId: ids.aTeam, shiftId: ids.bShift, title: '班次不对' });
    expect(shift.statusCode).toBe(400);
    expect(shift.json().error.details[0]).toMatchObject({ field: 'shiftId' });
    const worker = await call('worker1', 'POST', '/api/live', { teamId: ids.aTeam, title: '职工' });
    expect(worker.statusCode).toBe(403);
    expect((await call('zone1', 'POST', '/api/live', { teamId: ids.aTeam, title: '街道' })).statusCode).toBe(403);
  });
});

describe('keys', () => {
  it('rotates: a new key, the old hash gone, a revocation cleared', async () => {
    const before = await t.platform.prisma.liveStream.findUniqueOrThrow({ where: { id: ids.live! } });
    const revoked = await call('officer1', 'POST', `/api/live/${ids.live}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked).toBe(true);
    const res = await call('officer1', 'POST', `/api/live/${ids.live}/rotate-key`);
    expect(res.statusCode).toBe(200);
    const key = res.json().streamKey.split('?key=')[1] as string;
    const after = await t.platform.prisma.liveStream.findUniqueOrThrow({ where: { id: ids.live! } });
    expect(after.streamKeyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(after.streamKeyHash).not.toBe(before.streamKeyHash);
    expect(after.revokedAt).toBeNull();
    expect(after.keyRotatedAt).not.toBeNull();
    expect(res.json().live.revoked).toBe(false);
    const audit = await t.platform.prisma.auditLog.findMany({ where: { entityId: ids.live }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['live.create', 'live.revoke', 'live.rotateKey']);
    expect(text(audit)).not.toContain(key);
  });

  it("lets nobody else touch an officer's live: officer2 and zone officers 404 or 403, workers 403", async () => {
    for (const action of ['rotate-key', 'revoke', 'end']) {
      expect((await call('officer2', 'POST', `/api/live/${ids.live}/${action}`)).statusCode).toBe(404);
      expect((await call('zone1', 'POST', `/api/live/${ids.live}/${action}`)).statusCode).toBe(403);
      expect((await call('worker1', 'POST', `/api/live/${ids.live}/${action}`)).statusCode).toBe(403);
    }
    const denied = await t.platform.prisma.auditLog.findMany({ where: { entityId: ids.live, outcome: 'DENIED' } });
    expect(denied.map((a) => a.action)).toEqual(['live.manage', 'live.manage', 'live.manage']);
  });
});

describe('seeing lives', () => {
  it('shows an enterprise its own, a zone officer its zone, nobody the other zone; workers nothing', async () => {
    const b = await createLive('officer2', '乙企业直播');
    expect(b.statusCode).toBe(201);
    ids.bLive = b.json().live.id;
    expect((await call('officer2', 'GET', `/api/live/${ids.live}`)).statusCode).toBe(404);
    expect((await call('zone1', 'GET', `/api/live/${ids.live}`)).statusCode).toBe(200);
    expect((await call('zone1', 'GET', `/api/live/${ids.bLive}`)).statusCode).toBe(404);
    expect((await call('worker1', 'GET', `/api/live/${ids.live}`)).statusCode).toBe(403);
    expect((await call('worker1', 'GET', '/api/live')).statusCode).toBe(403);
    const listA = (await call('officer1', 'GET', '/api/live')).json();
    expect(listA.items.map((l: { id: string }) => l.id)).toEqual([ids.live]);
    const listZone = (await call('zone1', 'GET', '/api/live')).json();
    expect(listZone.items.map((l: { id: string }) => l.id)).toContain(ids.live);
    expect(listZone.items.map((l: { id: string }) => l.id)).not.toContain(ids.bLive);
    expect((await call('zone1', 'GET', `/api/live?enterpriseId=${ids.bEnterprise}`)).json().total).toBe(0);
    expect((await call('officer1', 'GET', `/api/live/${ids.bLive}/play`)).statusCode).toBe(404);
  });
});

describe('limits', () => {
  it('refuses a third live of an enterprise until one ends; LIVE_MAX_TOTAL counts lives on air', async () => {
    const second = await createLive('officer1', '第二个直播');
    expect(second.statusCode).toBe(201);
    const third = await createLive('officer1', '第三个直播');
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({ code: 'LIVE_LIMIT_ENTERPRISE', params: { limit: 2 } });

    // A live that never went on air is simply closed.
    const ended = await call('officer1', 'POST', `/api/live/${second.json().live.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ENDED', endReason: 'NEVER_STARTED' });
    expect((await call('officer1', 'POST', `/api/live/${second.json().live.id}/end`)).json().error.code).toBe('LIVE_ENDED');
    expect((await call('officer1', 'POST', `/api/live/${second.json().live.id}/rotate-key`)).json().error.code).toBe('LIVE_ENDED');

    // Three on air platform-wide (LIVE_MAX_TOTAL=3): nobody may start another.
    const prisma = t.platform.prisma;
    const onAir = await Promise.all(
      [0, 1, 2].map((i) =>
        prisma.liveStream.create({
          data: { enterpriseId: ids.bEnterprise!, title: `别处的直播${i}`, status: 'LIVE', startedAt: new Date() },
        }),
      ),
    );
    const total = await createLive('officer1', '满了');
    expect(total.statusCode).toBe(409);
    expect(total.json().error).toMatchObject({ code: 'LIVE_LIMIT_TOTAL', params: { limit: 3 } });
    await prisma.liveStream.updateMany({ where: { id: { in: onAir.map((l) => l.id) } }, data: { status: 'ENDED', endedAt: new Date() } });
  });
});

describe('watching', () => {
  it('answers LIVE_NOT_LIVE before the encoder connects, LIVE_ENDED after, and 503 with the ingest off', async () => {
    const prisma = t.platform.prisma;
    expect((await call('officer1', 'GET', `/api/live/${ids.live}/play`)).json().error.code).toBe('LIVE_NOT_LIVE');
    await prisma.liveStream.update({ where: { id: ids.live! }, data: { status: 'LIVE', startedAt: new Date() } });
    const off = await call('zone1', 'GET', `/api/live/${ids.live}/play`);
    expect(off.statusCode).toBe(503);
    expect(off.json().error.code).toBe('LIVE_INGEST_UNAVAILABLE');
    // Ending a live on air needs the ingest (it finalises the recording): nothing changes without it.
    expect((await call('officer1', 'POST', `/api/live/${ids.live}/end`)).statusCode).toBe(503);
    expect((await prisma.liveStream.findUniqueOrThrow({ where: { id: ids.live! } })).status).toBe('LIVE');
    await prisma.liveStream.update({ where: { id: ids.live! }, data: { status: 'ENDED', endedAt: new Date() } });
    expect((await call('officer1', 'GET', `/api/live/${ids.live}/play`)).json().error.code).toBe('LIVE_ENDED');
  });

  it('checks a link: token for this id, not expired, a known file, a session still open', async () => {
    const officer = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const session = await t.platform.prisma.session.findFirstOrThrow({ where: { userId: officer.id }, orderBy: { createdAt: 'desc' } });
    const key = streamTokenKey(SIGNING_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const token = (id: string, expiresAt = now + 600) =>
      signStreamToken({ assetId: id, holder: { kind: 'session', id: session.id }, expiresAt }, key);
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const live = ids.bLive!;
    expect((await get(`/api/live-media/${live}/${token(ids.live!)}/stream.flv`)).json().error.code).toBe('LINK_INVALID');
    expect((await get(`/api/live-media/${live}/${token(live, now - 1)}/stream.flv`)).json().error.code).toBe('LINK_EXPIRED');
    expect((await get(`/api/live-media/${live}/${token(live)}/hls/..%2F..%2Fsecret`)).statusCode).toBe(404);
    expect((await get(`/api/live-media/${live}/${token(live)}/index.html`)).statusCode).toBe(404);
    // A good link with the ingest off.
    const off = await get(`/api/live-media/${live}/${token(live)}/stream.flv`);
    expect(off.statusCode).toBe(503);
    expect(off.json().error.code).toBe('LIVE_INGEST_UNAVAILABLE');
    const other = await t.platform.prisma.session.create({
      data: { userId: officer.id, tokenHash: 'ended-session', expiresAt: new Date(Date.now() + 60_000), revokedAt: new Date() },
    });
    const ended = signStreamToken({ assetId: live, holder: { kind: 'session', id: other.id }, expiresAt: now + 600 }, key);
    expect((await get(`/api/live-media/${live}/${ended}/hls/live.m3u8`)).json().error.code).toBe('LINK_SESSION_ENDED');
  });
});
