import type { Meeting, MeetingInput, Shift, Team } from '@platform/contracts';
// Relative imports without i18n keep this module testable by the root vitest run, which has no $lib alias.
import { addDays, isDay, shanghaiClock, shanghaiDay, shanghaiInstant } from '../../format/shanghai-time.ts';

/** An empty input means "not given": the API wants null, not "". */
function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** One roster member's line in the attendance list. */
export interface AttendanceRow {
  teamMemberId: string;
  name: string;
  position: string | null;
  present: boolean;
  absenceReason: string;
}

/** Everything the report form edits, as plain strings and booleans for the inputs. */
export interface MeetingDraft {
  teamId: string;
  shiftId: string;
  meetingDate: string;
  startClock: string;
  endClock: string;
  hostName: string;
  taskBriefing: string;
  safetyBriefing: string;
  measureBriefing: string;
  attireChecked: boolean;
  mentalChecked: boolean;
  ppeChecked: boolean;
  checkNotes: string;
  attendance: AttendanceRow[];
  hazards: string[];
  topics: string;
  notes: string;
}

/** The roster of `team` with everyone present, keeping what was recorded for members in `previous`. */
export function attendanceFor(team: Team | undefined, previous: readonly Meeting['attendance'][number][] = []): AttendanceRow[] {
  if (!team) return [];
  return team.members.map((member) => {
    const recorded = previous.find((a) => a.teamMemberId === member.id);
    return {
      teamMemberId: member.id,
      name: member.name,
      position: member.position,
      present: recorded?.present ?? true,
      absenceReason: recorded?.absenceReason ?? '',
    };
  });
}

/** The shifts a team works; all shifts when the team has none assigned yet. */
export function shiftsOfTeam(team: Team | undefined, shifts: Shift[]): Shift[] {
  if (!team || team.shiftIds.length === 0) return shifts;
  return shifts.filter((s) => team.shiftIds.includes(s.id));
}

/**
 * A new report: team and shift from the board link, host = the team leader, start time now when
 * reporting the day's meeting live, else the shift's start.
 */
export function newDraft(
  teams: Team[],
  shifts: Shift[],
  preset: { teamId?: string | null; shiftId?: string | null; date?: string | null },
): MeetingDraft {
  const team = teams.find((t) => t.id === preset.teamId) ?? (teams.length === 1 ? teams[0] : undefined);
  const teamShifts = shiftsOfTeam(team, shifts);
  const shift = teamShifts.find((s) => s.id === preset.shiftId) ?? (teamShifts.length === 1 ? teamShifts[0] : undefined);
  const today = shanghaiDay();
  const meetingDate = preset.date ?? today;
  return {
    teamId: team?.id ?? '',
    shiftId: shift?.id ?? '',
    meetingDate,
    startClock: meetingDate === today ? shanghaiClock(new Date().toISOString()) : (shift?.startTime ?? ''),
    endClock: '',
    hostName: team?.leaderName ?? '',
    taskBriefing: '',
    safetyBriefing: '',
    measureBriefing: '',
    attireChecked: false,
    mentalChecked: false,
    ppeChecked: false,
    checkNotes: '',
    attendance: attendanceFor(team),
    hazards: [],
    topics: '',
    notes: '',
  };
}

/** The form seeded from a saved meeting, for editing. */
export function draftOf(meeting: Meeting, teams: Team[]): MeetingDraft {
  const team = teams.find((t) => t.id === meeting.team.id);
  return {
    teamId: meeting.team.id,
    shiftId: meeting.shift.id,
    meetingDate: meeting.meetingDate,
    startClock: shanghaiClock(meeting.startedAt),
    endClock: shanghaiClock(meeting.endedAt),
    hostName: meeting.hostName,
    taskBriefing: meeting.taskBriefing,
    safetyBriefing: meeting.safetyBriefing,
    measureBriefing: meeting.measureBriefing,
    attireChecked: meeting.attireChecked,
    mentalChecked: meeting.mentalChecked,
    ppeChecked: meeting.ppeChecked,
    checkNotes: meeting.checkNotes ?? '',
    attendance: attendanceFor(team, meeting.attendance),
    hazards: [...meeting.hazards],
    topics: meeting.topics ?? '',
    notes: meeting.notes ?? '',
  };
}

// Shifts allow a meeting window of at most 240 minutes on either side of the start.
const WINDOW_MS = 240 * 60_000;

/**
 * The meeting's start as an instant. The clock time is on the meeting's day, except across
 * midnight within the meeting window: a 00:00 night shift's meeting at 23:30 was held the evening
 * before, and a 23:00 shift's meeting at 00:10 the morning after. A late report keeps its day.
 */
export function startInstant(meetingDate: string, clock: string, shiftStart: string | undefined): string {
  const same = shanghaiInstant(meetingDate, clock);
  if (!shiftStart || !isDay(meetingDate)) return same;
  const anchor = Date.parse(shanghaiInstant(meetingDate, shiftStart));
  const before = shanghaiInstant(addDays(meetingDate, -1), clock);
  const after = shanghaiInstant(addDays(meetingDate, 1), clock);
  const lead = anchor - Date.parse(before);
  if (lead >= 0 && lead <= WINDOW_MS) return before;
  const lag = Date.parse(after) - anchor;
  if (lag >= 0 && lag <= WINDOW_MS && anchor - Date.parse(same) > WINDOW_MS) return after;
  return same;
}

/** The end as an instant: the first time the end clock comes round at or after the start. */
export function endInstant(start: string, clock: string): string {
  if (Number.isNaN(Date.parse(start))) return start; // The server names the bad start; the end waits for it.
  const startDay = shanghaiDay(new Date(start));
  const sameDay = shanghaiInstant(startDay, clock);
  return Date.parse(sameDay) >= Date.parse(start) ? sameDay : shanghaiInstant(addDays(startDay, 1), clock);
}

/** What the API receives. Clock times are Beijing time; `shifts` places them on the right day. */
export function toInput(draft: MeetingDraft, shifts: Shift[]): MeetingInput {
  const shift = shifts.find((s) => s.id === draft.shiftId);
  const startedAt = draft.startClock ? startInstant(draft.meetingDate, draft.startClock, shift?.startTime) : '';
  return {
    teamId: draft.teamId,
    shiftId: draft.shiftId,
    meetingDate: draft.meetingDate,
    // An empty time is sent as "" so the server reports the field as missing, next to its input.
    startedAt,
    endedAt: startedAt && draft.endClock ? endInstant(startedAt, draft.endClock) : null,
    hostName: draft.hostName.trim(),
    taskBriefing: draft.taskBriefing.trim(),
    safetyBriefing: draft.safetyBriefing.trim(),
    measureBriefing: draft.measureBriefing.trim(),
    attireChecked: draft.attireChecked,
    mentalChecked: draft.mentalChecked,
    ppeChecked: draft.ppeChecked,
    checkNotes: orNull(draft.checkNotes),
    attendance: draft.attendance.map((a) => ({
      teamMemberId: a.teamMemberId,
      present: a.present,
      absenceReason: a.present ? null : orNull(a.absenceReason),
    })),
    hazards: draft.hazards,
    topics: orNull(draft.topics),
    notes: orNull(draft.notes),
    mediaIds: [],
  };
}
