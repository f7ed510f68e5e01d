import type { Shift, Team } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { missingFields, nearestShift, openSlot, routineDraft } from './report-defaults.ts';

const shift = (id: string, startTime: string) =>
  ({ id, name: id, startTime, endTime: '00:00', overnight: false, active: true }) as unknown as Shift;
const shifts = [shift('早班', '08:00'), shift('中班', '16:00'), shift('夜班', '00:00')];
const team = {
  id: 't1',
  name: '甲班',
  leaderName: '王班长',
  shiftIds: [],
  members: [{ id: 'm1', name: '李工', position: null }],
} as unknown as Team;

describe('a routine report filled in for the officer', () => {
  it('takes the shift starting nearest to now; at 23:40 the 00:00 night shift of the next day', () => {
    expect(nearestShift(shifts, new Date('2026-12-01T07:40:00+08:00'))).toMatchObject({ shift: { id: '早班' }, meetingDate: '2026-12-01' });
    expect(nearestShift(shifts, new Date('2026-12-01T23:40:00+08:00'))).toMatchObject({ shift: { id: '夜班' }, meetingDate: '2026-12-02' });
  });

  it('fills team, leader as host, the roster present and the start time now', () => {
    const draft = routineDraft([team], shifts, {}, null, new Date('2026-12-01T07:40:00+08:00'));
    expect(draft).toMatchObject({ teamId: 't1', shiftId: '早班', meetingDate: '2026-12-01', startClock: '07:40', hostName: '王班长' });
    expect(draft.attendance).toEqual([expect.objectContaining({ teamMemberId: 'm1', present: true })]);
    expect(missingFields(draft)).toEqual(['taskBriefing', 'safetyBriefing', 'measureBriefing']);
  });

  it('keeps the board’s slot when reporting from it', () => {
    const draft = routineDraft(
      [team],
      shifts,
      { teamId: 't1', shiftId: '中班', date: '2026-11-30' },
      null,
      new Date('2026-12-01T07:40:00+08:00'),
    );
    expect(draft).toMatchObject({ shiftId: '中班', meetingDate: '2026-11-30', startClock: '16:00' });
  });
});

describe('the slot being held now', () => {
  const entry = (team: string, from: string, until: string, meetingId: string | null = null) => ({
    team: { id: team },
    shift: { id: `${team}-shift` },
    dueFrom: from,
    dueUntil: until,
    meetingId,
  });

  it('is the open, unreported slot that opened last, on the board it belongs to', () => {
    const now = new Date('2026-12-01T23:40:00+08:00');
    const boards = [
      { date: '2026-12-01', entries: [entry('中班', '2026-12-01T15:00:00+08:00', '2026-12-01T16:30:00+08:00')] },
      {
        date: '2026-12-02',
        entries: [
          entry('夜班', '2026-12-01T23:00:00+08:00', '2026-12-02T00:30:00+08:00'),
          entry('早', '2026-12-02T07:00:00+08:00', '2026-12-02T08:30:00+08:00'),
        ],
      },
    ];
    expect(openSlot(boards, now)).toEqual({ teamId: '夜班', shiftId: '夜班-shift', date: '2026-12-02' });
  });

  it('is nothing when the open slot is already reported or none is open', () => {
    const now = new Date('2026-12-01T23:40:00+08:00');
    const reported = [{ date: '2026-12-02', entries: [entry('夜班', '2026-12-01T23:00:00+08:00', '2026-12-02T00:30:00+08:00', 'm1')] }];
    expect(openSlot(reported, now)).toBeNull();
    expect(openSlot([], now)).toBeNull();
  });
});
