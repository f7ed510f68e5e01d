import type { RiskLevel } from '@platform/contracts';

type ReviewStatus = 'PENDING' | 'APPROVED' | 'FLAGGED' | 'CORRECTION_REQUESTED' | 'RESUBMITTED';
import type { EnterpriseScope } from '../access/actor.ts';
import type { DueSlot, Schedule } from './due-meetings.ts';

export type DueStatus = 'OPEN' | 'MISSING' | 'REPORTED';

/** Filters of compliance views (dashboards, the missing list, the wall). */
export interface ComplianceFilter {
  enterpriseId?: string;
  zoneId?: string;
  industryId?: string;
  riskLevel?: RiskLevel;
}

/** A slot to write: the pure function's output and the enterprise's grouping fields. */
export interface DueSlotWrite extends DueSlot {
  zoneId: string;
  industryId: string;
  riskLevel: RiskLevel;
}

/** A due meeting as stored, with the names its views show. */
export interface DueMeetingRow {
  id: string;
  date: string;
  enterprise: { id: string; name: string; zoneId: string };
  zone: { id: string; name: string };
  industry: { id: string; name: string };
  team: { id: string; name: string };
  shift: { id: string; name: string; startMinute: number; endMinute: number };
  dueFrom: Date;
  dueUntil: Date;
  reportBy: Date;
  status: DueStatus;
  meetingId: string | null;
  reportedAt: Date | null;
  reportedOnTime: boolean | null;
  heldOnTime: boolean | null;
  evidenceCount: number;
  evidenceBy: Date | null;
  flagCount: number;
  missingAt: Date | null;
  remindedAt: Date | null;
}

/** What a report writes onto its slot. */
export interface SlotReport {
  meetingId: string;
  reportedAt: Date;
  reportedOnTime: boolean;
  heldOnTime: boolean;
  evidenceBy: Date;
}

export interface DueMeetingRepository {
  /** Teams, shift revisions and calendar exceptions of active enterprises (one, or all) for the dates. */
  loadSchedule(filter: { enterpriseId?: string; teamId?: string }, dates: string[]): Promise<ScheduleWithEnterprises>;
  /**
   * Writes the slots due on `date` for the enterprises given (all enterprises when omitted): adds
   * new ones, moves the windows of open ones, and drops open ones no longer due (a shift removed,
   * a rest day declared). Reported and missing slots are history and stay as they are.
   */
  materialise(date: string, slots: DueSlotWrite[], enterpriseIds?: string[]): Promise<void>;
  findSlot(teamId: string, shiftId: string, date: string): Promise<DueMeetingRow | null>;
  findByMeeting(meetingId: string): Promise<DueMeetingRow | null>;
  /** Adds one slot (a report for a day its shift does not normally run) and returns it. */
  addSlot(slot: DueSlotWrite): Promise<DueMeetingRow>;
  recordReport(slotId: string, report: SlotReport): Promise<void>;
  updateHeld(slotId: string, heldOnTime: boolean): Promise<void>;
  /** Detaches a report moved to another slot: the old slot is open again, or missing past its deadline. */
  releaseSlot(slotId: string, now: Date): Promise<void>;
  /** Flags reports still without photo or video past their evidence deadline (NO_MEDIA); returns how many. */
  flagWithoutEvidence(now: Date): Promise<number>;
  /** Closes every open slot whose deadline passed as missing; returns their ids. */
  closeMissing(now: Date): Promise<string[]>;
  /** Slots of `date` in scope, for the board and the wall. */
  forDay(scope: EnterpriseScope, filter: ComplianceFilter, date: string): Promise<DueMeetingRow[]>;
  /** Review status of the meetings, and the reviewer's note where a correction is awaited. */
  correctionNotes(meetingIds: string[]): Promise<Map<string, { reviewStatus: ReviewStatus; correctionNote: string | null }>>;
  /** Open-past-deadline or missing slots of `date` in scope, paged, ordered by deadline. */
  missing(
    scope: EnterpriseScope,
    filter: ComplianceFilter,
    date: string,
    now: Date,
    page: { page: number; pageSize: number },
  ): Promise<{ items: DueMeetingRow[]; total: number }>;
}

/** The schedule and, per enterprise, what its slots are grouped by. */
export interface ScheduleWithEnterprises extends Schedule {
  enterprises: Map<string, { zoneId: string; industryId: string; riskLevel: RiskLevel }>;
}

/** Counts of due meetings by their state at a moment (each slot in exactly one of them once due). */
export interface StateCounts {
  due: number;
  reported: number;
  onTime: number;
  late: number;
  noEvidence: number;
  missing: number;
  heldOutsideWindow: number;
  flagged: number;
}

export interface ComplianceStatsRepository {
  /** Counts over [from, to] in scope, one row per day × zone × industry (every view is a sum of these). */
  counts(
    scope: EnterpriseScope,
    filter: ComplianceFilter,
    period: { from: string; to: string; now: Date },
  ): Promise<(StateCounts & { date: string; zoneId: string; industryId: string })[]>;
  /** The enterprises with the most missing meetings in the period, most first. */
  topMissing(
    scope: EnterpriseScope,
    filter: ComplianceFilter,
    period: { from: string; to: string; now: Date },
    limit: number,
  ): Promise<{ id: string; name: string; zoneName: string; missing: number; due: number }[]>;
  /** Open flags of meetings in the period, by kind. */
  flagsByKind(
    scope: EnterpriseScope,
    filter: ComplianceFilter,
    period: { from: string; to: string },
  ): Promise<{ kind: string; count: number }[]>;
  names(): Promise<{ zones: Map<string, string>; industries: Map<string, string> }>;
}
