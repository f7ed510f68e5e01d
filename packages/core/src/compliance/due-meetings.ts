// Which 班前会 are due on a date, derived from teams, shift revisions and the enterprise calendar.
// Pure: the compliance sweep, the board and the benchmark all call it with rows they loaded.

import { isoWeekday, meetingWindow, type ShiftTimes } from '../meetings/shift-window.ts';

/** A shift's times from `effectiveFrom` (YYYY-MM-DD, Asia/Shanghai) until the next revision. */
export interface ShiftRevisionTimes extends ShiftTimes {
  effectiveFrom: string;
  endMinute: number;
  active: boolean;
}

export interface ScheduledShift {
  id: string;
  /** Any order; the latest one effective on a date applies. */
  revisions: ShiftRevisionTimes[];
}

export interface ScheduledTeam {
  id: string;
  enterpriseId: string;
  /** The shifts the team works, each from the date it was assigned. */
  assignments: { shiftId: string; effectiveFrom: string }[];
}

export type CalendarDayKind = 'REST' | 'WORKDAY';

export interface Schedule {
  teams: ScheduledTeam[];
  shifts: ScheduledShift[];
  /** Exceptions per enterprise: enterpriseId → date → kind. */
  calendar: Map<string, Map<string, CalendarDayKind>>;
}

export interface DueSlot {
  enterpriseId: string;
  teamId: string;
  shiftId: string;
  date: string;
  /** The shift's start; the meeting is held in [dueFrom, dueUntil]. */
  start: Date;
  dueFrom: Date;
  dueUntil: Date;
  /** dueUntil + the reporting grace: the slot is missing when nothing was reported by then. */
  reportBy: Date;
}

const WEEKDAYS = [1, 2, 3, 4, 5];

/** The revision of a shift in force on `date`, or null before its first one. */
export function revisionOn(shift: ScheduledShift, date: string): ShiftRevisionTimes | null {
  let current: ShiftRevisionTimes | null = null;
  for (const r of shift.revisions) {
    if (r.effectiveFrom <= date && (!current || r.effectiveFrom > current.effectiveFrom)) current = r;
  }
  return current;
}

/**
 * Does a shift with these weekdays run on `date`, given the enterprise's calendar exception for it?
 * A rest day stops every shift; a 调休 working day runs the shifts of an ordinary weekday.
 */
export function shiftRunsOn(daysOfWeek: number[], date: string, exception: CalendarDayKind | undefined): boolean {
  if (exception === 'REST') return false;
  if (exception === 'WORKDAY') return daysOfWeek.some((d) => WEEKDAYS.includes(d));
  return daysOfWeek.includes(isoWeekday(date));
}

/** Every meeting due on `date`: one per team × shift that runs then. Overnight shifts belong to the day they start. */
export function dueMeetings(date: string, schedule: Schedule, graceMinutes: number): DueSlot[] {
  const shifts = new Map(schedule.shifts.map((s) => [s.id, s]));
  const slots: DueSlot[] = [];
  for (const team of schedule.teams) {
    const exception = schedule.calendar.get(team.enterpriseId)?.get(date);
    for (const assignment of team.assignments) {
      const shift = shifts.get(assignment.shiftId);
      if (!shift || assignment.effectiveFrom > date) continue;
      const times = revisionOn(shift, date);
      if (!times?.active || !shiftRunsOn(times.daysOfWeek, date, exception)) continue;
      const window = meetingWindow(times, date);
      slots.push({
        enterpriseId: team.enterpriseId,
        teamId: team.id,
        shiftId: shift.id,
        date,
        start: window.start,
        dueFrom: window.dueFrom,
        dueUntil: window.dueUntil,
        reportBy: new Date(window.dueUntil.getTime() + graceMinutes * 60_000),
      });
    }
  }
  return slots;
}

/** The calendar date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
