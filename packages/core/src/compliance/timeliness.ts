// Holding and reporting are two facts. Held on time: the declared start lies inside the shift's
// meeting window. Reported on time: the report came by the slot's deadline, the end of the window
// plus the grace (default 2 h); after it the slot is missing, and a report only makes it late.
// Pure, Asia/Shanghai wall clock without daylight saving.

import type { FieldIssue } from '../errors/index.ts';
import { addDays } from './due-meetings.ts';

const MINUTE = 60_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Clocks of phones and PCs drift; a start a few minutes ahead is a clock, not a forecast. */
const CLOCK_SKEW_MS = 5 * MINUTE;

export interface SlotTimes {
  dueFrom: Date;
  dueUntil: Date;
  reportBy: Date;
}

export type SlotState = 'UPCOMING' | 'DUE' | 'REPORTED' | 'LATE' | 'NO_EVIDENCE' | 'MISSING';

export function heldOnTime(startedAt: Date, slot: SlotTimes): boolean {
  return startedAt >= slot.dueFrom && startedAt <= slot.dueUntil;
}

export function reportedOnTime(reportedAt: Date, slot: SlotTimes & { closedAsMissing: boolean }): boolean {
  return !slot.closedAsMissing && reportedAt <= slot.reportBy;
}

/** Photos and video are expected within the grace after the report; without them it is reported without evidence. */
export function evidenceDeadline(reportedAt: Date, graceMinutes: number): Date {
  return new Date(reportedAt.getTime() + graceMinutes * MINUTE);
}

/** Where a due meeting stands at `now`. No evidence weighs more than lateness: the report proves nothing. */
export function slotState(
  now: Date,
  slot: {
    dueFrom: Date;
    reportBy: Date;
    status: 'OPEN' | 'MISSING' | 'REPORTED';
    reportedOnTime: boolean | null;
    evidenceCount: number;
    evidenceBy: Date | null;
  },
): SlotState {
  if (slot.status !== 'REPORTED') {
    if (slot.status === 'MISSING' || now > slot.reportBy) return 'MISSING';
    return now < slot.dueFrom ? 'UPCOMING' : 'DUE';
  }
  if (slot.evidenceCount === 0 && slot.evidenceBy && now > slot.evidenceBy) return 'NO_EVIDENCE';
  return slot.reportedOnTime ? 'REPORTED' : 'LATE';
}

/**
 * The span a meeting for the shift of `date` may declare as its start: the shift's calendar day,
 * stretched back to a window that opens the evening before and on to the end of an overnight shift.
 */
export function shiftDaySpan(date: string, shift: { startMinute: number; endMinute: number }, slot: SlotTimes): { from: Date; to: Date } {
  const midnight = Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
  const nextMidnight = Date.parse(`${addDays(date, 1)}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
  const endsNextDay = shift.endMinute <= shift.startMinute;
  const shiftEnd = midnight + shift.endMinute * MINUTE + (endsNextDay ? 86_400_000 : 0);
  return { from: new Date(Math.min(midnight, slot.dueFrom.getTime())), to: new Date(Math.max(nextMidnight, shiftEnd)) };
}

/** What is wrong with reporting a meeting that started at `startedAt` for this slot at `now`. */
export function reportTimingIssues(
  input: { date: string; startedAt: Date; endedAt: Date | null },
  shift: { startMinute: number; endMinute: number },
  slot: SlotTimes,
  now: Date,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (now < slot.dueFrom)
    issues.push({
      field: 'shiftId',
      code: 'SLOT_NOT_OPEN',
      params: { opensAt: slot.dueFrom.toISOString() },
      message: `the meeting window of this shift opens at ${slot.dueFrom.toISOString()}; report after the meeting has been held`,
    });
  if (input.startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    issues.push({ field: 'startedAt', code: 'START_IN_FUTURE', message: 'is in the future; report a meeting after it has been held' });
  else {
    const span = shiftDaySpan(input.date, shift, slot);
    if (input.startedAt < span.from || input.startedAt > span.to)
      issues.push({
        field: 'startedAt',
        code: 'START_NOT_ON_DATE',
        params: { date: input.date },
        message: `does not fall on the shift's day ${input.date}`,
      });
  }
  if (input.endedAt && input.endedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    issues.push({ field: 'endedAt', code: 'END_IN_FUTURE', message: 'is in the future' });
  return issues;
}
