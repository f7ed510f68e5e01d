import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Two API instances on one database: an event published by one reaches an SSE client of the
// other through PostgreSQL LISTEN/NOTIFY. Real HTTP on 127.0.0.1, real streams.

let a: TestApp;
let b: TestApp;
let baseB: string;

beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({}, { databaseUrl: a.platform.databaseUrl });
  baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/** Opens /api/events on instance B and collects parsed events. */
async function openStream(cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${baseB}/api/events`, { headers: { cookie }, signal: controller.signal });
  const events: { type: string; meetingId?: string }[] = [];
  let buffer = '';
  const reader = res.body!.getReader();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += new TextDecoder().decode(value);
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      // aborted
    }
  })();
  return { res, events, close: async () => { controller.abort(); await pump; } };
}

async function waitFor<T>(check: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('real-time events across API instances', () => {
  it('delivers a meeting reported on one instance to a client of the other, scoped', async () => {
    const command = await openStream(await b.login('command'));
    const officer2 = await openStream(await b.login('officer2'));
    const anonymous = await fetch(`${baseB}/api/events`);
    expect(anonymous.status).toBe(401);
    expect(command.res.headers.get('content-type')).toContain('text/event-stream');

    const officer1 = await a.login('officer1');
    const user = await a.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const team = await a.platform.prisma.team.findFirstOrThrow({ where: { enterpriseId: user.enterpriseId!, name: '丙班' }, include: { shifts: true } });
    const res = await a.app.inject({
      method: 'POST', url: '/api/meetings', headers: { cookie: officer1 },
      payload: {
        teamId: team.id, shiftId: team.shifts[0]!.shiftId, meetingDate: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
        startedAt: new Date(Date.now() - 60_000).toISOString(), hostName: '赵班长', taskBriefing: '巡检', safetyBriefing: '防滑', measureBriefing: '穿防滑鞋',
        attireChecked: true, mentalChecked: true, ppeChecked: true, attendance: [], hazards: [],
      },
    });
    expect(res.statusCode).toBe(201);
    // Latency is a benchmark matter; the generous bound only keeps a broken fan-out from hanging.
    const event = await waitFor(() => command.events.find((e) => e.meetingId === res.json().id), 10_000);
    expect(event.type).toBe('meeting.reported');

    // officer2 belongs to another enterprise in another zone: nothing arrives.
    await new Promise((r) => setTimeout(r, 300));
    expect(officer2.events.find((e) => e.meetingId === res.json().id)).toBeUndefined();
    await command.close();
    await officer2.close();
  });
});
