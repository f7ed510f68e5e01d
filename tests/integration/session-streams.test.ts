// An open /api/events stream ends with its session: at logout and deactivation through the
// session-ended notice (from another request, even on another API instance), and at the next
// heartbeat when a session ends without a notice. Real HTTP on 127.0.0.1, real streams.
import type { PlatformEvent } from '@platform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type EventStream } from '../support/event-stream.ts';
import { createTwoInstances, type TestApp } from '../support/test-app.ts';

let a: TestApp;
let b: TestApp;
let baseB: string;
let closeBoth: () => Promise<void>;

beforeAll(async () => {
  ({ a, b, baseB, close: closeBoth } = await createTwoInstances());
});
afterAll(() => closeBoth());

/** An event every enterprise-1 reader (officer1, command) may see; a fresh meeting id each call. */
async function announce(): Promise<PlatformEvent> {
  const user = await a.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' }, include: { enterprise: true } });
  const event: PlatformEvent = {
    type: 'meeting.updated',
    meetingId: crypto.randomUUID(),
    enterpriseId: user.enterpriseId!,
    zoneId: user.enterprise!.zoneId,
  };
  await a.platform.runtime.events.publish(event);
  return event;
}

const sameMeeting = (event: PlatformEvent) => (e: PlatformEvent) =>
  'meetingId' in e && 'meetingId' in event && e.meetingId === event.meetingId;

/** Resolves to 'ended' when the stream ends within `ms`, otherwise to 'open'. */
const endsWithin = (stream: EventStream, ms: number) =>
  Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('open'), ms))]);

describe('event streams end with their session', () => {
  it('ends the stream of a session logged out on another instance, and only that one', async () => {
    const cookie = await b.login('officer1');
    const stream = await openEventStream(baseB, cookie);
    const bystander = await openEventStream(baseB, await b.login('command'));
    const before = await announce();
    await stream.waitFor(sameMeeting(before), 10_000);

    // Logged out through instance a: the notice crosses to b through PostgreSQL.
    expect((await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect(await endsWithin(stream, 5_000)).toBe('ended');

    const after = await announce();
    await bystander.waitFor(sameMeeting(after), 10_000);
    expect(stream.events.some(sameMeeting(after))).toBe(false);
    expect(await endsWithin(bystander, 0)).toBe('open');
    bystander.close();
  });

  it('ends every stream of a user an administrator deactivates, and a new one is refused', async () => {
    const cookie = await b.login('officer1');
    const streams = [await openEventStream(baseB, cookie), await openEventStream(baseB, await b.login('officer1'))];
    const user = await a.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const res = await a.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: await a.login('admin') },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(await Promise.all(streams.map((s) => endsWithin(s, 5_000)))).toEqual(['ended', 'ended']);
    const again = await fetch(`${baseB}/api/events`, { headers: { cookie } });
    expect(again.status).toBe(401);
    expect((await again.json()).error.code).toBe('ACCOUNT_DEACTIVATED');
    await a.platform.prisma.user.update({ where: { id: user.id }, data: { active: true } });
  });

  it('ends a stream at its next heartbeat when the session ended without a notice', { timeout: 30_000 }, async () => {
    const cookie = await b.login('officer2');
    const stream = await openEventStream(baseB, cookie);
    const user = await a.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer2' } });
    // Straight in the database, as if the notice had been lost in a listener reconnect.
    await a.platform.prisma.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: new Date(), endedReason: 'REVOKED_BY_ADMIN' },
    });
    expect(await endsWithin(stream, 1_000)).toBe('open');
    // The heartbeat comes every 15 s.
    expect(await endsWithin(stream, 17_000)).toBe('ended');
  });
});
