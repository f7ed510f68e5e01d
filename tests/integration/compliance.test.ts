import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Due meetings, the missing list, evidence status and the review workflow, on a clock the test
// sets. officer1's enterprise (TEDA, three shifts: 早班 08:00, 中班 16:00, 夜班 00:00, each with a
// 60-minute window before and 30 after, reporting grace 2 h) is the subject; officer2's is in
// another zone, so zone1 (TEDA) must never see it.

const DAY = '2026-11-16'; // a Monday
const clock = { now: new Date(`${DAY}T06:30:00+08:00`) };
const setClock = (beijing: string) => (clock.now = new Date(`${beijing}+08:00`));

let t: TestApp;
let enterpriseId: string;
let otherEnterpriseId: string;
const cookies: Record<string, string> = {};

async function teamOn(enterprise: string, shiftName: string) {
  const shift = await t.platform.prisma.shift.findFirstOrThrow({ where: { enterpriseId: enterprise, name: shiftName } });
  const team = await t.platform.prisma.team.findFirstOrThrow({
    where: { enterpriseId: enterprise, shifts: { some: { shiftId: shift.id } } },
    include: { members: true },
  });
  return { teamId: team.id, shiftId: shift.id, members: team.members };
}

function report(slot: { teamId: string; shiftId: string; members: { id: string }[] }, startedAt: string, date = DAY) {
  return {
    teamId: slot.teamId,
    shiftId: slot.shiftId,
    meetingDate: date,
    startedAt: new Date(`${startedAt}+08:00`).toISOString(),
    hostName: '王班长',
    taskBriefing: '检修二号反应釜',
    safetyBriefing: '动火作业需办理动火证',
    measureBriefing: '配备灭火器两具',
    attireChecked: true,
    mentalChecked: true,
    ppeChecked: true,
    attendance: slot.members.map((m) => ({ teamMemberId: m.id, present: true })),
    hazards: [],
  };
}

const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
const post = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock.now });
  enterpriseId = (await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } })).enterpriseId!;
  otherEnterpriseId = (await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer2' } })).enterpriseId!;
  for (const who of ['officer1', 'officer2', 'inspector', 'zone1', 'worker1']) cookies[who] = await t.login(who);
});
afterAll(() => t.close());

describe('reporting rules', () => {
  it('refuses a report before the window opens and a start off the shift’s day, naming the field', async () => {
    const early = await teamOn(enterpriseId, '中班'); // window opens 15:00
    const refused = await post('officer1', '/api/meetings', report(early, `${DAY}T06:25:00`));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ field: 'shiftId', code: 'SLOT_NOT_OPEN' })]);
    const morning = await teamOn(enterpriseId, '早班');
    const offDay = await post('officer1', '/api/meetings', report(morning, '2026-11-15T06:20:00'));
    // 06:20 the day before: not the shift's day (and its window has not opened yet either).
    expect(offDay.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'startedAt', code: 'START_NOT_ON_DATE' })]),
    );
  });
});

describe('missing meetings', () => {
  it('closes unreported slots as missing after the deadline and lists them by scope', async () => {
    setClock(`${DAY}T10:31:00`); // 早班: window 07:00–08:30, deadline 10:30
    await t.platform.services.compliance.sweep(t.platform.log);
    const all = (await get('inspector', `/api/compliance/missing?date=${DAY}&pageSize=200`)).json();
    expect(all.total).toBeGreaterThan(0);
    const mine = all.items.find(
      (i: { enterprise: { id: string }; shift: { name: string } }) => i.enterprise.id === enterpriseId && i.shift.name === '早班',
    );
    expect(mine).toMatchObject({
      date: DAY,
      shift: { startTime: '08:00' },
      window: { from: new Date(`${DAY}T07:00:00+08:00`).toISOString() },
    });
    expect(await t.platform.prisma.dueMeeting.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ status: 'MISSING' });

    const zone = (await get('zone1', `/api/compliance/missing?date=${DAY}&pageSize=200`)).json();
    const zoneId = (await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'zone1' } })).zoneId;
    expect(zone.total).toBeGreaterThan(0);
    expect(zone.total).toBeLessThan(all.total);
    expect(zone.items.every((i: { zone: { id: string } }) => i.zone.id === zoneId)).toBe(true);
    expect(zone.items.some((i: { enterprise: { id: string } }) => i.enterprise.id === otherEnterpriseId)).toBe(false);
    expect((await get('worker1', `/api/compliance/missing?date=${DAY}`)).json().total).toBe(0);
  });

  it('turns a missing meeting into a late one when it is reported, never an on-time one', async () => {
    const morning = await teamOn(enterpriseId, '早班');
    const res = await post('officer1', '/api/meetings', report(morning, `${DAY}T07:40:00`));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ timeliness: 'LATE', heldOnTime: true });
    const still = (await get('inspector', `/api/compliance/missing?date=${DAY}&enterpriseId=${enterpriseId}`)).json();
    expect(still.items.map((i: { shift: { name: string } }) => i.shift.name)).not.toContain('早班');
  });
});

describe('evidence status', () => {
  let meetingId: string;

  it('counts a report with no photo or video past the grace as reported without evidence, until evidence comes', async () => {
    const evening = await teamOn(enterpriseId, '中班');
    setClock(`${DAY}T15:40:00`);
    const res = await post('officer1', '/api/meetings', report(evening, `${DAY}T15:30:00`));
    expect(res.json()).toMatchObject({ timeliness: 'ON_TIME', heldOnTime: true });
    meetingId = res.json().id;
    const state = async () =>
      (await get('officer1', `/api/enterprises/${enterpriseId}/board?date=${DAY}`))
        .json()
        .entries.find((e: { meetingId: string }) => e.meetingId === meetingId);
    expect((await state()).state).toBe('REPORTED');

    setClock(`${DAY}T17:41:00`); // two hours after the report
    cookies.officer1 = await t.login('officer1');
    expect((await state()).state).toBe('NO_EVIDENCE');
    await t.platform.services.compliance.sweep(t.platform.log);
    const flagged = (await get('officer1', `/api/meetings/${meetingId}`)).json();
    expect(flagged.flags).toEqual([expect.objectContaining({ kind: 'NO_MEDIA', resolvedAt: null })]);
    const stats = (await get('inspector', `/api/wall/stats?date=${DAY}`)).json();
    expect(stats.noEvidence).toBeGreaterThanOrEqual(1);

    await uploadFile(t.app, cookies.officer1!, meetingId, sample('photo-plain.jpg'), 'image/jpeg');
    expect(await state()).toMatchObject({ state: 'REPORTED', evidenceCount: 1, flagCount: 0 });
    expect((await get('officer1', `/api/meetings/${meetingId}`)).json().flags[0].resolvedAt).not.toBeNull();
  });

  it('lets the enterprise remove a wrong file before review, shows the reviewer, and audits it', async () => {
    const { complete } = await uploadFile(t.app, cookies.officer1!, meetingId, sample('photo-exif-gps.jpg'), 'image/jpeg');
    const assetId = complete!.json().assetId as string;
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/media/${assetId}`, headers: { cookie: cookies.officer2! } })).statusCode,
    ).toBe(404);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/media/${assetId}`, headers: { cookie: cookies.officer1! } });
    expect(removed.statusCode).toBe(204);
    const seen = (await get('inspector', `/api/meetings/${meetingId}`)).json();
    expect(seen.removedMedia).toEqual([
      expect.objectContaining({ id: assetId, originalName: 'photo-exif-gps.jpg', removedBy: '安全员 王强' }),
    ]);
    expect(seen.mediaDetails.map((m: { id: string }) => m.id)).not.toContain(assetId);
    expect(await t.platform.prisma.auditLog.count({ where: { action: 'media.remove', entityId: assetId } })).toBe(1);
  });

  it('walks review → correction request → response → acceptance, after which files stay', async () => {
    expect((await post('worker1', `/api/meetings/${meetingId}/reviews`, { action: 'APPROVE' })).statusCode).toBe(403);
    const noNote = await post('inspector', `/api/meetings/${meetingId}/reviews`, { action: 'REQUEST_CORRECTION' });
    expect(noNote.json().error.details).toEqual([expect.objectContaining({ field: 'note', code: 'REVIEW_NOTE_REQUIRED' })]);
    const asked = await post('inspector', `/api/meetings/${meetingId}/reviews`, {
      action: 'REQUEST_CORRECTION',
      note: '请补充班前会现场照片',
    });
    expect(asked.json()).toMatchObject({ reviewStatus: 'CORRECTION_REQUESTED', editable: true, mediaRemovable: false });
    const board = (await get('officer1', `/api/enterprises/${enterpriseId}/board?date=${DAY}`)).json();
    expect(board.entries.find((e: { meetingId: string }) => e.meetingId === meetingId).correctionNote).toBe('请补充班前会现场照片');

    const answered = await post('officer1', `/api/meetings/${meetingId}/response`, { note: '已补充照片' });
    expect(answered.json()).toMatchObject({ reviewStatus: 'RESUBMITTED' });
    expect((await post('officer1', `/api/meetings/${meetingId}/response`, { note: '再次' })).json().error.code).toBe(
      'NO_CORRECTION_REQUESTED',
    );

    const accepted = await post('inspector', `/api/meetings/${meetingId}/reviews`, { action: 'APPROVE' });
    expect(accepted.json()).toMatchObject({ reviewStatus: 'APPROVED', editable: false });
    expect(accepted.json().reviews.map((r: { action: string }) => r.action)).toEqual(['REQUEST_CORRECTION', 'RESPOND', 'APPROVE']);
    const file = accepted.json().mediaDetails[0].id as string;
    const late = await t.app.inject({ method: 'DELETE', url: `/api/media/${file}`, headers: { cookie: cookies.officer1! } });
    expect(late.json().error.code).toBe('MEETING_ALREADY_REVIEWED');
  });

  it('keeps a zone officer to their zone and shows best practice to every enterprise', async () => {
    const other = await teamOn(
      otherEnterpriseId,
      (await t.platform.prisma.shift.findFirstOrThrow({ where: { enterpriseId: otherEnterpriseId } })).name,
    );
    const otherShift = await t.platform.prisma.shift.findUniqueOrThrow({ where: { id: other.shiftId } });
    const start = new Date(Date.parse(`${DAY}T00:00:00+08:00`) + otherShift.startMinute * 60_000 - 30 * 60_000);
    setClock(new Date(start.getTime() + 8 * 3_600_000 + 40 * 60_000).toISOString().slice(0, 19));
    cookies.officer2 = await t.login('officer2');
    const res = await post('officer2', '/api/meetings', {
      ...report(other, new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)),
    });
    expect(res.statusCode).toBe(201);
    cookies.zone1 = await t.login('zone1');
    expect((await post('zone1', `/api/meetings/${res.json().id}/reviews`, { action: 'APPROVE' })).statusCode).toBe(404);
    cookies.inspector = await t.login('inspector');
    const best = await post('inspector', `/api/meetings/${res.json().id}/reviews`, { action: 'MARK_BEST_PRACTICE' });
    expect(best.json()).toMatchObject({ bestPractice: true, reviewStatus: 'APPROVED' });
  });
});

describe('dashboard', () => {
  it('counts by zone, industry and day, the enterprises missing most, and flags; a zone officer sees only their zone', async () => {
    const all = (await get('inspector', `/api/compliance/dashboard?from=${DAY}&to=${DAY}`)).json();
    expect(all.totals.missing).toBeGreaterThan(0);
    expect(all.totals.reported).toBe(all.totals.onTime + all.totals.late + all.totals.noEvidence);
    expect(all.byDay).toEqual([expect.objectContaining({ date: DAY, due: all.totals.due })]);
    expect(all.byZone.reduce((n: number, z: { due: number }) => n + z.due, 0)).toBe(all.totals.due);
    expect(all.topMissing.length).toBeGreaterThan(0);
    expect(all.totals.late).toBeGreaterThanOrEqual(1);

    const zone = (await get('zone1', `/api/compliance/dashboard?from=${DAY}&to=${DAY}`)).json();
    expect(zone.byZone).toHaveLength(1);
    expect(zone.totals.due).toBeLessThan(all.totals.due);
    expect((await get('worker1', `/api/compliance/dashboard`)).statusCode).toBe(403);
    const reversed = await get('inspector', `/api/compliance/dashboard?from=${DAY}&to=2026-11-01`);
    expect(reversed.json().error.details[0]).toMatchObject({ field: 'from', code: 'RANGE_REVERSED' });
  });
});

describe('best-practice showcase', () => {
  it('opens a best-practice meeting of another enterprise to every enterprise, without its people', async () => {
    cookies.officer1 = await t.login('officer1');
    const list = (await get('officer1', '/api/showcase')).json();
    expect(list.total).toBeGreaterThanOrEqual(1);
    const item = list.items.find((m: { enterprise: { id: string } }) => m.enterprise.id === otherEnterpriseId);
    expect(item).toBeDefined();
    const shown = (await get('officer1', `/api/showcase/${item.id}`)).json();
    expect(shown).toMatchObject({ bestPractice: true, attendance: [], flags: [], editable: false });
    expect(shown.expectedCount).toBeGreaterThan(0);
    // The ordinary meeting route stays closed to another enterprise's officer.
    expect((await get('officer1', `/api/meetings/${item.id}`)).statusCode).toBe(404);
    // A meeting that is not best practice is not in the showcase.
    const ordinary = (await t.platform.prisma.meeting.findFirstOrThrow({ where: { enterpriseId, bestPractice: false } })).id;
    expect((await get('officer1', `/api/showcase/${ordinary}`)).statusCode).toBe(404);
    expect((await get('worker1', '/api/showcase')).statusCode).toBe(403);
  });
});

describe('the enterprise calendar', () => {
  it('a rest day takes the day’s meetings off the board; a 调休 day puts weekday shifts on it; past days stay as they were', async () => {
    setClock('2026-11-20T12:00:00'); // a Friday
    cookies.officer1 = await t.login('officer1');
    const monday = '2026-11-23';
    const board = async () => (await get('officer1', `/api/enterprises/${enterpriseId}/board?date=${monday}`)).json().entries.length;
    expect(await board()).toBe(3);
    const rest = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${enterpriseId}/calendar/${monday}`,
      headers: { cookie: cookies.officer1! },
      payload: { kind: 'REST', note: '停产检修' },
    });
    expect(rest.json()).toEqual({ date: monday, kind: 'REST', note: '停产检修' });
    expect(await board()).toBe(0);
    expect((await get('officer1', `/api/enterprises/${enterpriseId}/calendar?from=2026-11-20&to=2026-11-30`)).json()).toHaveLength(1);
    const cleared = await t.app.inject({
      method: 'DELETE',
      url: `/api/enterprises/${enterpriseId}/calendar/${monday}`,
      headers: { cookie: cookies.officer1! },
    });
    expect(cleared.statusCode).toBe(204);
    expect(await board()).toBe(3);

    const past = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${enterpriseId}/calendar/2026-11-19`,
      headers: { cookie: cookies.officer1! },
      payload: { kind: 'REST' },
    });
    expect(past.json().error.details[0]).toMatchObject({ field: 'date', code: 'DATE_IN_PAST' });
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${otherEnterpriseId}/calendar/${monday}`,
      headers: { cookie: cookies.officer1! },
      payload: { kind: 'REST' },
    });
    expect(foreign.statusCode).toBe(404);
    expect(await t.platform.prisma.auditLog.count({ where: { action: 'calendar.update', enterpriseId } })).toBe(2);
  });
});
