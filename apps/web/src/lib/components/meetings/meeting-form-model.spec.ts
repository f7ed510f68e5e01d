import type { Shift, Team } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { attendanceFor, endInstant, newDraft, shiftsOfTeam, startInstant, toInput } from './meeting-form-model.ts';

const shift = (id: string, startTime: string): Shift =>
  ({
    id,
    enterpriseId: 'e',
    name: id,
    startTime,
    endTime: '08:00',
    overnight: false,
    daysOfWeek: [1],
    meetingWindowBefore: 60,
    meetingWindowAfter: 30,
    active: true,
  }) as Shift;
const team: Team = {
  id: 't1',
  enterpriseId: 'e',
  name: '甲班',
  leaderName: '罗建国',
  active: true,
  shiftIds: ['night'],
  members: [
    { id: 'm1', name: '刘洋', employeeNo: null, position: '操作工', phone: null },
    { id: 'm2', name: '刘静', employeeNo: null, position: null, phone: null },
  ],
};
const shifts = [shift('night', '00:00'), shift('day', '08:00'), shift('late', '23:00')];

describe('meeting start and end instants', () => {
  it('keeps the clock on the meeting day in the ordinary case and for late reports', () => {
    expect(startInstant('2026-11-29', '07:40', '08:00')).toBe('2026-11-29T07:40:00+08:00');
    expect(startInstant('2026-11-29', '14:24', '00:00')).toBe('2026-11-29T14:24:00+08:00');
  });

  it('puts a midnight shift meeting held the evening before on the previous day', () => {
    expect(startInstant('2026-11-29', '23:30', '00:00')).toBe('2026-11-28T23:30:00+08:00');
  });

  it('puts a meeting just after midnight for a 23:00 shift on the next day', () => {
    expect(startInstant('2026-11-29', '00:10', '23:00')).toBe('2026-11-30T00:10:00+08:00');
  });

  it('ends after midnight when the end clock is earlier than the start', () => {
    expect(endInstant('2026-11-28T23:40:00+08:00', '00:05')).toBe('2026-11-29T00:05:00+08:00');
    expect(endInstant('2026-11-29T07:40:00+08:00', '07:55')).toBe('2026-11-29T07:55:00+08:00');
  });
});

describe('report draft', () => {
  it('pre-fills host, roster and the only shift of the team from the board link', () => {
    const draft = newDraft([team], shifts, { teamId: 't1', date: '2026-11-20' });
    expect(draft.hostName).toBe('罗建国');
    expect(draft.shiftId).toBe('night');
    expect(draft.startClock).toBe('00:00');
    expect(draft.attendance.map((a) => [a.name, a.present])).toEqual([
      ['刘洋', true],
      ['刘静', true],
    ]);
  });

  it('offers only the shifts of the team, or all when it has none', () => {
    expect(shiftsOfTeam(team, shifts).map((s) => s.id)).toEqual(['night']);
    expect(shiftsOfTeam({ ...team, shiftIds: [] }, shifts)).toHaveLength(3);
  });

  it('keeps recorded attendance for members still on the roster', () => {
    const rows = attendanceFor(team, [{ teamMemberId: 'm2', name: '刘静', present: false, absenceReason: '病假' }]);
    expect(rows[1]).toMatchObject({ present: false, absenceReason: '病假' });
    expect(rows[0]).toMatchObject({ present: true, absenceReason: '' });
  });

  it('sends null for empty optional text and drops the reason of present members', () => {
    const draft = newDraft([team], shifts, { teamId: 't1', shiftId: 'night', date: '2026-11-29' });
    draft.startClock = '23:30';
    draft.endClock = '23:50';
    draft.attendance[0]!.absenceReason = 'left over';
    draft.attendance[1]!.present = false;
    draft.attendance[1]!.absenceReason = '  事假 ';
    const input = toInput(draft, shifts);
    expect(input.startedAt).toBe('2026-11-28T23:30:00+08:00');
    expect(input.endedAt).toBe('2026-11-28T23:50:00+08:00');
    expect(input.attendance).toEqual([
      { teamMemberId: 'm1', present: true, absenceReason: null },
      { teamMemberId: 'm2', present: false, absenceReason: '事假' },
    ]);
    expect(input.topics).toBeNull();
    expect(input.checkNotes).toBeNull();
  });
});
