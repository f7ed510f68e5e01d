import { describe, expect, it } from 'vitest';
import { addDays, dueMeetings, revisionOn, type Schedule, type ShiftRevisionTimes } from './due-meetings.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
const GRACE = 120;

function revision(overrides: Partial<ShiftRevisionTimes> = {}): ShiftRevisionTimes {
  return {
    effectiveFrom: '2026-01-01',
    startMinute: 8 * 60,
    endMinute: 16 * 60,
    daysOfWeek: EVERY_DAY,
    meetingWindowBefore: 60,
    meetingWindowAfter: 30,
    active: true,
    ...overrides,
  };
}

function schedule(partial: Partial<Schedule> & Pick<Schedule, 'shifts'>): Schedule {
  return {
    teams: [
      { id: 'team-a', enterpriseId: 'ent-1', assignments: partial.shifts.map((s) => ({ shiftId: s.id, effectiveFrom: '2026-01-01' })) },
    ],
    calendar: new Map(),
    ...partial,
  };
}

describe('dueMeetings', () => {
  it('gives the window in Beijing time and the reporting deadline after the grace', () => {
    const [slot] = dueMeetings('2026-12-01', schedule({ shifts: [{ id: 'day', revisions: [revision()] }] }), GRACE);
    expect(slot).toMatchObject({ teamId: 'team-a', shiftId: 'day', date: '2026-12-01', enterpriseId: 'ent-1' });
    expect(slot!.dueFrom.toISOString()).toBe('2026-11-30T23:00:00.000Z'); // 07:00 +08:00
    expect(slot!.dueUntil.toISOString()).toBe('2026-12-01T00:30:00.000Z'); // 08:30
    expect(slot!.reportBy.toISOString()).toBe('2026-12-01T02:30:00.000Z'); // 10:30
  });

  it('puts an overnight shift on the day it starts, and a midnight shift’s window on the evening before', () => {
    const s = schedule({
      shifts: [
        { id: 'evening', revisions: [revision({ startMinute: 16 * 60, endMinute: 0 })] },
        { id: 'night', revisions: [revision({ startMinute: 0, endMinute: 8 * 60 })] },
      ],
    });
    const slots = dueMeetings('2026-12-01', s, GRACE);
    const evening = slots.find((x) => x.shiftId === 'evening')!;
    const night = slots.find((x) => x.shiftId === 'night')!;
    expect(evening.start.toISOString()).toBe('2026-12-01T08:00:00.000Z'); // 16:00 on the 1st
    expect(night.date).toBe('2026-12-01');
    expect(night.dueFrom.toISOString()).toBe('2026-11-30T15:00:00.000Z'); // 23:00 on the 30th
  });

  it('skips days the shift does not run and the enterprise’s rest days; a 调休 working day runs the weekday shifts', () => {
    const s = schedule({ shifts: [{ id: 'office', revisions: [revision({ daysOfWeek: WEEKDAYS })] }] });
    // 2026-12-05 is a Saturday, 2026-12-07 a Monday.
    expect(dueMeetings('2026-12-05', s, GRACE)).toEqual([]);
    expect(dueMeetings('2026-12-07', s, GRACE)).toHaveLength(1);
    s.calendar.set(
      'ent-1',
      new Map([
        ['2026-12-07', 'REST'],
        ['2026-12-05', 'WORKDAY'],
      ]),
    );
    expect(dueMeetings('2026-12-07', s, GRACE)).toEqual([]);
    expect(dueMeetings('2026-12-05', s, GRACE)).toHaveLength(1);
    // Another enterprise's calendar changes nothing here.
    s.calendar = new Map([['ent-2', new Map([['2026-12-08', 'REST']])]]);
    expect(dueMeetings('2026-12-08', s, GRACE)).toHaveLength(1);
  });

  it('applies a shift changed mid-period from its change date, keeping the old times before it', () => {
    const shift = {
      id: 'day',
      revisions: [revision({ effectiveFrom: '2026-12-10', startMinute: 9 * 60 }), revision({ effectiveFrom: '2026-11-01' })],
    };
    const s = schedule({ shifts: [shift] });
    expect(dueMeetings('2026-12-09', s, GRACE)[0]!.start.toISOString()).toBe('2026-12-09T00:00:00.000Z'); // 08:00
    expect(dueMeetings('2026-12-10', s, GRACE)[0]!.start.toISOString()).toBe('2026-12-10T01:00:00.000Z'); // 09:00
    expect(dueMeetings('2026-10-31', s, GRACE)).toEqual([]); // before the shift existed
    expect(revisionOn(shift, '2026-12-31')!.startMinute).toBe(9 * 60);
  });

  it('stops a deactivated shift from its change date and starts a new assignment on its own date', () => {
    const s: Schedule = {
      shifts: [{ id: 'day', revisions: [revision(), revision({ effectiveFrom: '2026-12-15', active: false })] }],
      teams: [{ id: 'team-a', enterpriseId: 'ent-1', assignments: [{ shiftId: 'day', effectiveFrom: '2026-12-03' }] }],
      calendar: new Map(),
    };
    expect(dueMeetings('2026-12-02', s, GRACE)).toEqual([]);
    expect(dueMeetings('2026-12-03', s, GRACE)).toHaveLength(1);
    expect(dueMeetings('2026-12-14', s, GRACE)).toHaveLength(1);
    expect(dueMeetings('2026-12-15', s, GRACE)).toEqual([]);
  });

  it('crosses the year boundary: the 31 December night shift’s window and 1 January’s weekday', () => {
    const s = schedule({ shifts: [{ id: 'night', revisions: [revision({ startMinute: 0, endMinute: 8 * 60, daysOfWeek: [4] })] }] });
    // 2027-01-01 is a Friday (5), 2026-12-31 a Thursday (4).
    expect(dueMeetings('2027-01-01', s, GRACE)).toEqual([]);
    const [slot] = dueMeetings('2026-12-31', s, GRACE);
    expect(slot!.dueFrom.toISOString()).toBe('2026-12-30T15:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
