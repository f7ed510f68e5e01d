import { meetingWindow, type MeetingWindow } from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The services run on a clock the tests set, so a report is exactly on time or exactly late.
const DAY = '2026-11-16'; // A Monday: every demo shift runs on it.
const clock = { now: new Date() };
const at = (instant: Date, offsetMinutes: number) => new Date(instant.getTime() + offsetMinutes * 60_000);

let t: TestApp;
let officer1: string;
let officer2: string;
let teamId: string;
let shiftId: string;
let members: { id: string; name: string }[];
let enterpriseId: string;
let window: MeetingWindow;

/** The meeting window of a team's shift on DAY. */
async function windowOf(id: string): Promise<MeetingWindow> {
  const shift = await t.platform.prisma.shift.findUniqueOrThrow({ where: { id } });
  return meetingWindow(shift, DAY);
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock.now });
  const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
  enterpriseId = user.enterpriseId!;
  const team = await t.platform.prisma.team.findFirstOrThrow({
    where: { enterpriseId, name: '甲班' },
    include: { shifts: true, members: true },
  });
  teamId = team.id;
  shiftId = team.shifts[0]!.shiftId;
  members = team.members;
  window = await windowOf(shiftId);
  // Ten minutes before the window closes.
  clock.now = at(window.dueUntil, -10);
  officer1 = await t.login('officer1');
  officer2 = await t.login('officer2');
});
afterAll(() => t.close());

const input = (overrides: Record<string, unknown> = {}) => ({
  teamId,
  shiftId,
  meetingDate: DAY,
  startedAt: at(clock.now, -5).toISOString(),
  hostName: '王班长',
  taskBriefing: '今日检修二号反应釜',
  safetyBriefing: '动火作业需办理动火证',
  measureBriefing: '配备灭火器两具，专人监护',
  attireChecked: true,
  mentalChecked: true,
  ppeChecked: false,
  checkNotes: '一人未戴护目镜，已纠正',
  attendance: members.map((m, i) => ({ teamMemberId: m.id, present: i !== 0, absenceReason: i === 0 ? '病假' : null })),
  hazards: ['动火作业', '有限空间'],
  topics: null,
  notes: null,
  ...overrides,
});

describe('meetings', () => {
  let meetingId: string;

  it('reports a meeting with the record, computed attendance and timeliness, and audits it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: { cookie: officer1 }, payload: input() });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      team: { id: teamId },
      expectedCount: members.length,
      presentCount: members.length - 1,
      editable: true,
      source: 'WEB',
      hazards: ['动火作业', '有限空间'],
    });
    expect(m.attendance.find((a: { present: boolean }) => !a.present)).toMatchObject({ absenceReason: '病假' });
    expect(m.timeliness).toBe('ON_TIME');
    meetingId = m.id;
    expect(await t.platform.prisma.auditLog.count({ where: { action: 'meeting.create', entityId: meetingId } })).toBe(1);
  });

  it('refuses a second report for the same team, shift and day', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: { cookie: officer1 }, payload: input() });
    expect(res.statusCode).toBe(409);
  });

  it('names every bad field: missing record, absent without reason, stranger in attendance, bad times', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { cookie: officer1 },
      payload: input({
        meetingDate: '2026-11-01',
        taskBriefing: ' ',
        attendance: [
          { teamMemberId: members[0]!.id, present: false },
          { teamMemberId: '00000000-0000-4000-8000-000000000000', present: true },
        ],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['taskBriefing']);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { cookie: officer1 },
      payload: input({
        meetingDate: '2026-11-01',
        attendance: [
          { teamMemberId: members[0]!.id, present: false },
          { teamMemberId: '00000000-0000-4000-8000-000000000000', present: true },
        ],
      }),
    });
    expect(second.statusCode).toBe(400);
    expect(
      second
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['attendance.0.absenceReason', 'attendance.1.teamMemberId', 'startedAt']);
  });

  it("keeps another enterprise's officer out of the meeting, its list and its board", async () => {
    expect((await t.app.inject({ url: `/api/meetings/${meetingId}`, headers: { cookie: officer2 } })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: '/api/meetings', headers: { cookie: officer2 } })).json().items.map((m: { id: string }) => m.id),
    ).not.toContain(meetingId);
    expect((await t.app.inject({ url: `/api/enterprises/${enterpriseId}/board`, headers: { cookie: officer2 } })).statusCode).toBe(404);
    const put = await t.app.inject({ method: 'PUT', url: `/api/meetings/${meetingId}`, headers: { cookie: officer2 }, payload: input() });
    expect(put.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/meetings/${meetingId}`, headers: { cookie: await t.login('inspector') } })).statusCode).toBe(
      200,
    );
  });

  it('edits until reviewed, auditing which fields changed', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/meetings/${meetingId}`,
      headers: { cookie: officer1 },
      payload: input({ hostName: '李班长', hazards: ['高处作业'] }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hostName: '李班长', hazards: ['高处作业'] });
    const audit = await t.platform.prisma.auditLog.findFirstOrThrow({ where: { action: 'meeting.update', entityId: meetingId } });
    expect((audit.details as { changed: string[] }).changed).toEqual(expect.arrayContaining(['hostName', 'hazards']));
    await t.platform.prisma.meeting.update({ where: { id: meetingId }, data: { reviewStatus: 'APPROVED' } });
    const locked = await t.app.inject({
      method: 'PUT',
      url: `/api/meetings/${meetingId}`,
      headers: { cookie: officer1 },
      payload: input(),
    });
    expect(locked.statusCode).toBe(409);
    expect((await t.app.inject({ url: `/api/meetings/${meetingId}`, headers: { cookie: officer1 } })).json().editable).toBe(false);
  });

  it("shows the day's board with the reported meeting", async () => {
    const res = await t.app.inject({ url: `/api/enterprises/${enterpriseId}/board?date=${DAY}`, headers: { cookie: officer1 } });
    expect(res.statusCode).toBe(200);
    const entry = res
      .json()
      .entries.find((e: { team: { id: string }; shift: { id: string } }) => e.team.id === teamId && e.shift.id === shiftId);
    expect(entry).toMatchObject({ meetingId, state: 'REPORTED', dueUntil: window.dueUntil.toISOString() });
    expect(res.json().entries.length).toBeGreaterThanOrEqual(3);
  });

  it('counts due, reported and missing for the command centre, filtered by zone', async () => {
    const command = await t.login('command');
    const all = (await t.app.inject({ url: '/api/wall/stats', headers: { cookie: command } })).json();
    expect(all.reported).toBeGreaterThanOrEqual(1);
    expect(all.due).toBeGreaterThanOrEqual(all.reported);
    const zoneId = (await t.platform.prisma.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } })).zoneId;
    const zone = (await t.app.inject({ url: `/api/wall/stats?zoneId=${zoneId}`, headers: { cookie: command } })).json();
    expect(zone.enterprises).toBeLessThan(all.enterprises);
  });

  it('accepts reports from an enterprise system with an API token', async () => {
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const { token } = await t.platform.services.auth.issueApiToken(
      enterpriseId,
      'MES',
      { userId: user.id, username: 'officer1', role: 'ENTERPRISE_OFFICER', enterpriseId, zoneId: null },
      null,
    );
    const team = await t.platform.prisma.team.findFirstOrThrow({ where: { enterpriseId, name: '乙班' }, include: { shifts: true } });
    clock.now = at((await windowOf(team.shifts[0]!.shiftId)).dueUntil, -10);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { authorization: `Bearer ${token}` },
      payload: input({ teamId: team.id, shiftId: team.shifts[0]!.shiftId, attendance: [] }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().source).toBe('API');
  });

  it('marks a report made after the grace following the window LATE, exactly, and the board shows it late', async () => {
    const team = await t.platform.prisma.team.findFirstOrThrow({ where: { enterpriseId, name: '丙班' }, include: { shifts: true } });
    const lateShiftId = team.shifts[0]!.shiftId;
    const late = await windowOf(lateShiftId);
    // One minute after the window closed plus the two-hour grace; the session is opened at that time too.
    clock.now = at(late.dueUntil, 121);
    const cookie = await t.login('officer1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { cookie },
      payload: input({ teamId: team.id, shiftId: lateShiftId, attendance: [] }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ timeliness: 'LATE', heldOnTime: false });
    const board = (await t.app.inject({ url: `/api/enterprises/${enterpriseId}/board?date=${DAY}`, headers: { cookie } })).json();
    expect(board.entries.find((e: { team: { id: string } }) => e.team.id === team.id)).toMatchObject({
      meetingId: res.json().id,
      state: 'LATE',
    });
  });
});
