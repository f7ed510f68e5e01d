import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../support/event-stream.ts';
import { createTwoInstances, type TestApp } from '../support/test-app.ts';

// Two API instances on one database: an event published by one reaches an SSE client of the
// other through PostgreSQL LISTEN/NOTIFY. Real HTTP on 127.0.0.1, real streams.

let a: TestApp;
let b: TestApp;
let baseB: string;
let closeBoth: () => Promise<void>;

beforeAll(async () => {
  ({ a, b, baseB, close: closeBoth } = await createTwoInstances());
});
afterAll(() => closeBoth());

describe('real-time events across API instances', () => {
  it('delivers a meeting reported on one instance to a client of the other, scoped', async () => {
    const command = await openEventStream(baseB, await b.login('command'));
    const officer2 = await openEventStream(baseB, await b.login('officer2'));
    const anonymous = await fetch(`${baseB}/api/events`);
    expect(anonymous.status).toBe(401);

    const officer1 = await a.login('officer1');
    const user = await a.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const team = await a.platform.prisma.team.findFirstOrThrow({
      where: { enterpriseId: user.enterpriseId!, name: '丙班' },
      include: { shifts: true },
    });
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { cookie: officer1 },
      payload: {
        teamId: team.id,
        shiftId: team.shifts[0]!.shiftId,
        meetingDate: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        hostName: '赵班长',
        taskBriefing: '巡检',
        safetyBriefing: '防滑',
        measureBriefing: '穿防滑鞋',
        attireChecked: true,
        mentalChecked: true,
        ppeChecked: true,
        attendance: [],
        hazards: [],
      },
    });
    expect(res.statusCode).toBe(201);
    const meetingId = res.json().id as string;
    // Latency is a benchmark matter; the generous bound only keeps a broken fan-out from hanging.
    const event = await command.waitFor((e) => 'meetingId' in e && e.meetingId === meetingId, 10_000);
    expect(event.type).toBe('meeting.reported');

    // officer2 belongs to another enterprise in another zone. Instead of waiting a while and
    // finding nothing, send officer2 an event of its own afterwards: NOTIFYs arrive in the order
    // they were sent, so once that one is through, the meeting's event would have been too.
    const own = await a.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer2' }, include: { enterprise: true } });
    const marker = '00000000-0000-4000-8000-0000000000e2';
    await a.platform.runtime.events.publish({
      type: 'meeting.updated',
      meetingId: marker,
      enterpriseId: own.enterpriseId!,
      zoneId: own.enterprise!.zoneId,
    });
    await officer2.waitFor((e) => 'meetingId' in e && e.meetingId === marker, 10_000);
    expect(officer2.events.map((e) => ('meetingId' in e ? e.meetingId : null))).toEqual([marker]);
    // The order the argument rests on, seen by a client entitled to both.
    await command.waitFor((e) => 'meetingId' in e && e.meetingId === marker, 10_000);
    expect(command.events.map((e) => ('meetingId' in e ? e.meetingId : null))).toEqual([meetingId, marker]);
    command.close();
    officer2.close();
  });
});
