// Compliance windows. Shift times are Asia/Shanghai wall-clock minutes; Shanghai has no
// daylight saving, so the offset is a constant and the arithmetic stays exact and pure.

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface ShiftTimes {
  startMinute: number;
  daysOfWeek: number[];
  meetingWindowBefore: number;
  meetingWindowAfter: number;
}

export interface MeetingWindow {
  /** When the shift starts. */
  start: Date;
  /** A meeting reported from here on counts for this shift. */
  dueFrom: Date;
  /** The meeting is held on time up to here; the reporting grace runs from here. */
  dueUntil: Date;
}

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The window in which the meeting before a shift starting on `date` is on time. */
export function meetingWindow(shift: ShiftTimes, date: string): MeetingWindow {
  const midnight = Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
  const start = midnight + shift.startMinute * 60_000;
  return {
    start: new Date(start),
    dueFrom: new Date(start - shift.meetingWindowBefore * 60_000),
    dueUntil: new Date(start + shift.meetingWindowAfter * 60_000),
  };
}
