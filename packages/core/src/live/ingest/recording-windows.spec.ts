import { describe, expect, it } from 'vitest';
import { openMeetingWindows } from './recording-windows.ts';

const everyDay = [1, 2, 3, 4, 5, 6, 7];
const shift = (id: string, startMinute: number, before = 30, after = 15, daysOfWeek = everyDay) => ({
  id,
  startMinute,
  daysOfWeek,
  meetingWindowBefore: before,
  meetingWindowAfter: after,
  effectiveFrom: '2020-01-01',
});

describe('openMeetingWindows', () => {
  it('is open from start − before until start + after, in Shanghai time', () => {
    const day = [shift('s', 8 * 60)];
    // 07:29 Shanghai = 23:29Z the day before
    expect(openMeetingWindows(day, new Date('2026-03-01T23:29:00Z'))).toEqual([]);
    const open = openMeetingWindows(day, new Date('2026-03-01T23:30:00Z'));
    expect(open).toEqual([
      { shiftId: 's', meetingDate: '2026-03-02', from: new Date('2026-03-01T23:30:00Z'), until: new Date('2026-03-02T00:15:00Z') },
    ]);
    expect(openMeetingWindows(day, new Date('2026-03-02T00:15:00Z'))).toEqual([]);
  });

  it("opens the evening before for a shift just after midnight, dated the shift's day", () => {
    const night = [shift('n', 15, 60, 15)];
    // 23:30 Shanghai on 03-01 → the 00:15 shift of 03-02
    expect(openMeetingWindows(night, new Date('2026-03-01T15:30:00Z')).map((w) => w.meetingDate)).toEqual(['2026-03-02']);
  });

  it('skips days the shift does not run and days before the team took it on', () => {
    // 2026-03-02 is a Monday
    expect(openMeetingWindows([shift('w', 8 * 60, 30, 15, [2, 3])], new Date('2026-03-01T23:45:00Z'))).toEqual([]);
    expect(openMeetingWindows([{ ...shift('w', 8 * 60), effectiveFrom: '2026-03-03' }], new Date('2026-03-01T23:45:00Z'))).toEqual([]);
  });

  it('follows the enterprise calendar: no window on a rest day, one on a 调休 working day', () => {
    const weekdays = [shift('w', 8 * 60, 30, 15, [1, 2, 3, 4, 5])];
    // 2026-03-02 is a Monday, 2026-03-07 a Saturday.
    expect(openMeetingWindows(weekdays, new Date('2026-03-01T23:45:00Z'), new Map([['2026-03-02', 'REST']]))).toEqual([]);
    expect(openMeetingWindows(weekdays, new Date('2026-03-06T23:45:00Z'))).toEqual([]);
    expect(
      openMeetingWindows(weekdays, new Date('2026-03-06T23:45:00Z'), new Map([['2026-03-07', 'WORKDAY']])).map((w) => w.meetingDate),
    ).toEqual(['2026-03-07']);
  });
});
