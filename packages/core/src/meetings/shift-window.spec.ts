import { describe, expect, it } from 'vitest';
import { isoWeekday, meetingWindow, shanghaiDate } from './shift-window.ts';

const dayShift = { startMinute: 8 * 60, daysOfWeek: [1, 2, 3, 4, 5], meetingWindowBefore: 60, meetingWindowAfter: 30 };

describe('compliance windows', () => {
  it('puts the window around the shift start in Asia/Shanghai', () => {
    const w = meetingWindow(dayShift, '2026-11-30');
    expect(w.start.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(w.dueFrom.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(w.dueUntil.toISOString()).toBe('2026-11-30T00:30:00.000Z');
  });

  it('handles a midnight shift whose window starts the previous evening', () => {
    const w = meetingWindow({ ...dayShift, startMinute: 0 }, '2026-11-30');
    expect(w.dueFrom.toISOString()).toBe('2026-11-29T15:00:00.000Z'); // 23:00 on the 29th, Shanghai
  });

  it('knows weekdays and the Shanghai date of an instant', () => {
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(shanghaiDate(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30');
  });
});
