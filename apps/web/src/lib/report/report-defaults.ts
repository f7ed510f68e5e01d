import type { Shift, Team } from '@platform/contracts';
// Relative imports keep this module testable by the root vitest run, which has no $lib alias.
import { addDays, shanghaiClock, shanghaiDay, shanghaiInstant } from '../format/shanghai-time.ts';
import { newDraft, shiftsOfTeam, type MeetingDraft } from '../components/meetings/meeting-form-model.ts';

// A meeting this close to a shift's start is taken to be that shift's, and to be happening now.
const NEAR_MS = 4 * 3_600_000;

/**
 * The shift whose start is nearest to `now`, with the day it belongs to: at 23:40 a 00:00 night
 * shift's meeting belongs to tomorrow (a shift belongs to the day it starts). Pure.
 */
export function nearestShift(shifts: readonly Shift[], now: Date): { shift: Shift; meetingDate: string; distanceMs: number } | null {
  const today = shanghaiDay(now);
  let best: { shift: Shift; meetingDate: string; distanceMs: number } | null = null;
  for (const shift of shifts) {
    for (const offset of [-1, 0, 1]) {
      const day = addDays(today, offset);
      const distanceMs = Math.abs(now.getTime() - Date.parse(shanghaiInstant(day, shift.startTime)));
      if (!best || distanceMs < best.distanceMs) best = { shift, meetingDate: day, distanceMs };
    }
  }
  return best;
}

/**
 * A new report with what a routine meeting needs already filled: the board's team, shift and day
 * when reporting from it, else the team last reported for and the shift starting nearest to now;
 * the team leader as host; the whole roster present; the start time now. Pure but for `now`.
 */
export function routineDraft(
  teams: Team[],
  shifts: Shift[],
  preset: { teamId?: string | null; shiftId?: string | null; date?: string | null },
  lastTeamId: string | null,
  now: Date = new Date(),
): MeetingDraft {
  const teamId = preset.teamId ?? (teams.some((tm) => tm.id === lastTeamId) ? lastTeamId : (teams[0]?.id ?? null));
  const team = teams.find((tm) => tm.id === teamId);
  const nearest = nearestShift(shiftsOfTeam(team, shifts), now);
  const draft = newDraft(teams, shifts, {
    teamId,
    shiftId: preset.shiftId ?? nearest?.shift.id ?? null,
    date: preset.date ?? nearest?.meetingDate ?? null,
  });
  const current =
    nearest && nearest.shift.id === draft.shiftId && nearest.meetingDate === draft.meetingDate && nearest.distanceMs <= NEAR_MS;
  if (current) draft.startClock = shanghaiClock(now.toISOString());
  return draft;
}

/** The record fields that repeat from one meeting of a team to the next. */
export type ReusableRecord = Pick<MeetingDraft, 'taskBriefing' | 'safetyBriefing' | 'measureBriefing' | 'hazards'>;

const LAST_KEY = 'platform.report.last.v1';

interface LastReports {
  teamId: string | null;
  byTeam: Record<string, ReusableRecord>;
}

function readLast(): LastReports {
  try {
    const raw = localStorage.getItem(LAST_KEY);
    return raw ? (JSON.parse(raw) as LastReports) : { teamId: null, byTeam: {} };
  } catch {
    return { teamId: null, byTeam: {} };
  }
}

/** Remembers a submitted report's team and record, for the next report's defaults and 沿用上次. */
export function rememberReport(draft: MeetingDraft): void {
  const last = readLast();
  last.teamId = draft.teamId;
  last.byTeam[draft.teamId] = {
    taskBriefing: draft.taskBriefing,
    safetyBriefing: draft.safetyBriefing,
    measureBriefing: draft.measureBriefing,
    hazards: [...draft.hazards],
  };
  try {
    localStorage.setItem(LAST_KEY, JSON.stringify(last));
  } catch {
    // Full storage: the next report just starts empty.
  }
}

export function lastTeamId(): string | null {
  return readLast().teamId;
}

export function lastRecordOf(teamId: string): ReusableRecord | null {
  return readLast().byTeam[teamId] ?? null;
}

/** The required fields left empty, for a report written offline that the server cannot check yet. Pure. */
export function missingFields(draft: MeetingDraft): string[] {
  const required: (keyof MeetingDraft)[] = [
    'teamId',
    'shiftId',
    'meetingDate',
    'hostName',
    'taskBriefing',
    'safetyBriefing',
    'measureBriefing',
  ];
  const missing = required.filter((field) => String(draft[field]).trim() === '').map(String);
  if (!draft.startClock) missing.push('startedAt');
  return missing;
}

/** A board slot, as far as choosing what is reported now is concerned. */
export interface SlotChoice {
  team: { id: string };
  shift: { id: string };
  dueFrom: string;
  dueUntil: string;
  meetingId: string | null;
}

/**
 * The slot being held now: open (its window contains `now`) and not yet reported; of several,
 * the one that opened last. `boards` are the day's and the next day's (a 00:00 shift's meeting
 * is held the evening before). Null when no slot is open. Pure.
 */
export function openSlot(
  boards: readonly { date: string; entries: readonly SlotChoice[] }[],
  now: Date,
): { teamId: string; shiftId: string; date: string } | null {
  let best: { teamId: string; shiftId: string; date: string; from: number } | null = null;
  for (const board of boards) {
    for (const entry of board.entries) {
      const from = Date.parse(entry.dueFrom);
      if (entry.meetingId || from > now.getTime() || Date.parse(entry.dueUntil) < now.getTime()) continue;
      if (!best || from > best.from) best = { teamId: entry.team.id, shiftId: entry.shift.id, date: board.date, from };
    }
  }
  return best && { teamId: best.teamId, shiftId: best.shiftId, date: best.date };
}
