// Media links are bound to the session (or API token) they were issued to: they stop working at
// logout and deactivation, even though each holder's check is cached (60 s here, so only the
// session-ended notice can explain a prompt refusal), and the token names no id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let assetId: string;
const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1', MEDIA_LINK_CHECK_SECONDS: '60' });
  const uploader = await t.login('officer1');
  const meetingId = await createMeeting(t.platform.prisma, 'officer1');
  const { complete } = await uploadFile(t.app, uploader, meetingId, sample('photo-exif-gps.jpg'), 'image/jpeg');
  assetId = complete!.json().assetId;
  await waitForMedia(t.app, uploader, assetId, ['READY']);
}, 120_000);
afterAll(() => t.close());

const linkFor = async (headers: Record<string, string>) => {
  const res = await t.app.inject({ url: `/api/media/${assetId}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json().imageUrl as string;
};
const tokenOf = (url: string) => url.split('/stream/')[1]!.split('/')[0]!;
const statusOf = async (url: string) => {
  const res = await t.app.inject({ url });
  return res.statusCode === 200 ? '200' : `${res.statusCode} ${res.json().error.code}`;
};

describe('media links', () => {
  it('carry an opaque token without any id in it', async () => {
    const cookie = await t.login('officer1');
    const url = await linkFor({ cookie });
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const sessions = await t.platform.prisma.session.findMany({ where: { userId: user.id } });
    const decoded = Buffer.from(token, 'base64url');
    for (const id of [assetId, user.id, ...sessions.map((s) => s.id)]) {
      expect(decoded.includes(Buffer.from(id.replaceAll('-', ''), 'hex')), id).toBe(false);
    }
    expect(token).not.toMatch(UUID);
    expect(decoded.toString('latin1')).not.toMatch(UUID);
    expect(await statusOf(url)).toBe('200');
  });

  it('stop working once the session they were issued to logs out, while another session’s links go on', async () => {
    const [ending, staying] = [await t.login('officer1'), await t.login('zone1')];
    const [endingUrl, stayingUrl] = [await linkFor({ cookie: ending }), await linkFor({ cookie: staying })];
    // Both checked once, so both answers are in the cache.
    expect([await statusOf(endingUrl), await statusOf(stayingUrl)]).toEqual(['200', '200']);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: ending } })).statusCode).toBe(204);
    await expect.poll(() => statusOf(endingUrl), { timeout: 3_000, interval: 100 }).toBe('401 LINK_SESSION_ENDED');
    expect(await statusOf(stayingUrl)).toBe('200');
  });

  it('stop working when the account is deactivated', async () => {
    const cookie = await t.login('zone1');
    const url = await linkFor({ cookie });
    expect(await statusOf(url)).toBe('200');
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'zone1' } });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: await t.login('admin') },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    await expect.poll(() => statusOf(url), { timeout: 3_000, interval: 100 }).toBe('401 LINK_SESSION_ENDED');
    await t.platform.prisma.user.update({ where: { id: user.id }, data: { active: true } });
  });

  it('issued to an API token work while the token does, whoever created it logging out', async () => {
    const officer = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const creator = {
      userId: officer.id,
      username: 'officer1',
      role: 'ENTERPRISE_OFFICER' as const,
      enterpriseId: officer.enterpriseId,
      zoneId: null,
    };
    const { auth } = t.platform.services;
    const kept = await auth.issueApiToken(officer.enterpriseId!, 'media-link-test', creator, null);
    const keptUrl = await linkFor({ authorization: `Bearer ${kept.token}` });
    expect(await statusOf(keptUrl)).toBe('200');
    const cookie = await t.login('officer1');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(await statusOf(keptUrl)).toBe('200');

    const revoked = await auth.issueApiToken(officer.enterpriseId!, 'media-link-test-2', creator, null);
    const revokedUrl = await linkFor({ authorization: `Bearer ${revoked.token}` });
    await t.platform.prisma.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect(await statusOf(revokedUrl)).toBe('401 LINK_SESSION_ENDED');
  });
});
