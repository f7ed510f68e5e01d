import { shiftRunsOn } from '../../compliance/due-meetings.ts';
import { meetingWindow, shanghaiDate } from '../../meetings/shift-window.ts';
import type { IngestShift } from './ingest.port.ts';

/** A shift's meeting window that is open now: record from `from` until `until`. */
export interface OpenWindow {
  shiftId: string;
  /** The shift's date (Asia/Shanghai), the meeting's `meetingDate`. */
  meetingDate: string;
  from: Date;
  until: Date;
}

const DAY_MS = 86_400_000;

/**
 * The meeting windows open at `now` among `shifts`: [start − windowBefore, start + windowAfter]
 * of the shift on its day (the window before a shift just after midnight opens the evening
 * before, so today's and tomorrow's dates are both looked at). Days the shift does not run (by its
 * weekdays and the enterprise calendar: a rest day stops it, a 调休 working day runs it), and days
 * before the team took it on, have no window.
 */
export function openMeetingWindows(
  shifts: readonly IngestShift[],
  now: Date,
  calendar: ReadonlyMap<string, 'REST' | 'WORKDAY'> = new Map(),
): OpenWindow[] {
  const open: OpenWindow[] = [];
  const dates = [shanghaiDate(new Date(now.getTime() - DAY_MS)), shanghaiDate(now), shanghaiDate(new Date(now.getTime() + DAY_MS))];
  for (const shift of shifts) {
    for (const date of dates) {
      if (!shiftRunsOn(shift.daysOfWeek, date, calendar.get(date)) || date < shift.effectiveFrom) continue;
      const window = meetingWindow(shift, date);
      if (window.dueFrom <= now && now < window.dueUntil)
        open.push({ shiftId: shift.id, meetingDate: date, from: window.dueFrom, until: window.dueUntil });
    }
  }
  return open;
}
