import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type EventStream } from '../support/event-stream.ts';
import { createMeeting } from '../support/media-helpers.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app.ts';

// Defect 6: uploads, event streams and requests had no limits. Each answers 429 with a code and
// Retry-After once its limit is reached.

describe('upload quotas', () => {
  let t: TestApp;
  let officer1: string;
  let colleague: string;
  let officer2: string;
  let meeting1: string;
  let meeting2: string;

  beforeAll(async () => {
    t = await createTestApp({ UPLOADS_OPEN_PER_USER: '2', UPLOADS_OPEN_PER_ENTERPRISE: '3', UPLOADS_OPEN_GB_PER_ENTERPRISE: '1' });
    const { prisma } = t.platform;
    const model = await prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    await prisma.user.create({
      data: {
        username: 'officer1b',
        displayName: '安全员 二',
        role: 'ENTERPRISE_OFFICER',
        enterpriseId: model.enterpriseId,
        passwordHash: model.passwordHash,
      },
    });
    [officer1, colleague, officer2] = [await t.login('officer1'), await t.login('officer1b'), await t.login('officer2')];
    meeting1 = await createMeeting(prisma, 'officer1');
    meeting2 = await createMeeting(prisma, 'officer2');
  });
  afterAll(() => t.close());

  const create = (cookie: string, meetingId: string, size = 1000) =>
    t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { cookie },
      payload: { meetingId, fileName: 'clip.mp4', size, contentType: 'video/mp4' },
    });

  it('refuses a user more open uploads than the limit, with a code, the limit and Retry-After', async () => {
    const first = await create(officer1, meeting1);
    expect(first.statusCode).toBe(201);
    expect((await create(officer1, meeting1)).statusCode).toBe(201);
    const third = await create(officer1, meeting1);
    expect(third.statusCode).toBe(429);
    expect(third.json().error).toMatchObject({ code: 'UPLOAD_QUOTA_USER', params: { limit: 2 } });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);

    // Cancelling one frees its place.
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/uploads/${first.json().id}`, headers: { cookie: officer1 } })).statusCode,
    ).toBe(204);
    expect((await create(officer1, meeting1)).statusCode).toBe(201);

    const denied = await t.platform.prisma.auditLog.findFirst({ where: { action: 'upload.create', outcome: 'DENIED' } });
    expect(denied?.details).toMatchObject({ reason: 'UPLOAD_QUOTA_USER', limit: 2 });
  });

  it('refuses the enterprise more open uploads than its limit, whoever starts them', async () => {
    expect((await create(colleague, meeting1)).statusCode).toBe(201);
    const over = await create(colleague, meeting1);
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatchObject({ code: 'UPLOAD_QUOTA_ENTERPRISE', params: { limit: 3 } });
    expect(over.headers['retry-after']).toBeDefined();
  });

  it('does not count expired uploads', async () => {
    await t.platform.prisma.uploadSession.updateMany({
      where: { user: { username: 'officer1b' } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await create(colleague, meeting1)).statusCode).toBe(201);
  });

  it("refuses declared bytes beyond the enterprise's limit", async () => {
    const mb = 1024 * 1024;
    expect((await create(officer2, meeting2, 600 * mb)).statusCode).toBe(201);
    const over = await create(officer2, meeting2, 600 * mb);
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatchObject({ code: 'UPLOAD_QUOTA_BYTES', params: { limit: '1.0 GB' } });
    expect((await create(officer2, meeting2, 100 * mb)).statusCode).toBe(201);
  });

  it('lets exactly the quota through when requests arrive together', async () => {
    await t.platform.prisma.uploadSession.updateMany({ where: { user: { username: 'officer2' } }, data: { status: 'ABORTED' } });
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(officer2, meeting2)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 429, 429, 429, 429]);
    expect(await t.platform.prisma.uploadSession.count({ where: { user: { username: 'officer2' }, status: 'ACTIVE' } })).toBe(2);
  });
});

describe('event streams', () => {
  let t: TestApp;
  let base: string;
  const open: EventStream[] = [];

  beforeAll(async () => {
    t = await createTestApp({ EVENT_STREAMS_PER_SESSION: '2', EVENT_STREAMS_PER_USER: '3' });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const stream of open) stream.close();
    await t.close();
  });

  const streamOf = async (cookie: string) => {
    const stream = await openEventStream(base, cookie);
    open.push(stream);
    return stream;
  };
  const refusal = (cookie: string) => fetch(`${base}/api/events`, { headers: { cookie, accept: 'text/event-stream' } });

  it('refuses a session more streams than the limit until one closes', async () => {
    const cookie = await t.login('officer1');
    const first = await streamOf(cookie);
    await streamOf(cookie);
    const third = await refusal(cookie);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBeTruthy();
    expect((await third.json()).error).toMatchObject({ code: 'EVENT_STREAMS_LIMIT', params: { limit: 2 } });

    first.close();
    // The server frees the slot when it sees the connection drop.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const res = await refusal(cookie);
      status = res.status;
      await res.body?.cancel();
    }
    expect(status).toBe(200);
  });

  it("counts a user's streams across sessions", async () => {
    const a = await t.login('officer2');
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer2', password: DEMO_PASSWORD } });
    const cookieB = `bhs_session=${b.cookies.find((c) => c.name === 'bhs_session')!.value}`;
    await streamOf(a);
    await streamOf(a);
    await streamOf(cookieB);
    const over = await refusal(cookieB);
    expect(over.status).toBe(429);
    expect((await over.json()).error).toMatchObject({ code: 'EVENT_STREAMS_LIMIT', params: { limit: 3 } });
  });
});

describe('general rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_IP_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('limits each session on its own, with RATE_LIMITED, the seconds and Retry-After', async () => {
    const officer = await t.login('officer1');
    const other = await t.login('officer2');
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await t.app.inject({ url: '/api/auth/me', headers: { cookie: officer } })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await t.app.inject({ url: '/api/auth/me', headers: { cookie: officer } });
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', params: { seconds: expect.any(Number) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(200);
  });

  it('limits requests without a session per address', async () => {
    const health = (from: string) => t.app.inject({ url: '/api/health', remoteAddress: from });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await health('198.51.100.7')).statusCode);
    expect(codes.slice(3)).toEqual([429]);
    expect((await health('198.51.100.7')).json().error.code).toBe('RATE_LIMITED');
    expect((await health('198.51.100.8')).statusCode).not.toBe(429);
  });

  it('does not count media segments and playlists behind signed links', async () => {
    const codes = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const res = await t.app.inject({
        url: '/api/media/00000000-0000-7000-8000-000000000000/stream/not-a-token/720p/seg-001.m4s',
        remoteAddress: '198.51.100.9',
      });
      codes.add(res.statusCode);
    }
    expect(codes.has(429)).toBe(false);
  });
});
