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
  /** Reported after this, the meeting is late; not reported by then, it is missing. */
  dueUntil: Date;
}

export type BoardState = 'UPCOMING' | 'DUE' | 'REPORTED' | 'LATE' | 'MISSING';

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Does the shift run on this calendar date? (An overnight shift belongs to the date it starts.) */
export function runsOn(shift: ShiftTimes, date: string): boolean {
  return shift.daysOfWeek.includes(isoWeekday(date));
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

/** On time when reported by the end of the window; early reports count as on time. */
export function timelinessOf(reportedAt: Date, window: MeetingWindow): 'ON_TIME' | 'LATE' {
  return reportedAt.getTime() <= window.dueUntil.getTime() ? 'ON_TIME' : 'LATE';
}

/** Where a team × shift stands at `now`. */
export function boardState(now: Date, window: MeetingWindow, meeting: { timeliness: 'ON_TIME' | 'LATE' | null } | null): BoardState {
  if (meeting) return meeting.timeliness === 'LATE' ? 'LATE' : 'REPORTED';
  if (now < window.dueFrom) return 'UPCOMING';
  return now <= window.dueUntil ? 'DUE' : 'MISSING';
}
