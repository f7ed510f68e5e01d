import type { MeetingQuery, MeetingSummary, Page, RiskLevel } from '@platform/contracts';
import type { EnterpriseScope } from '../access/actor.ts';
import type { ShiftTimes } from './shift-window.ts';

export interface TeamForMeeting {
  id: string;
  name: string;
  enterpriseId: string;
  zoneId: string;
  members: { id: string; name: string }[];
  shiftIds: string[];
}

export interface ShiftForMeeting extends ShiftTimes {
  id: string;
  name: string;
  enterpriseId: string;
  endMinute: number;
}

/** A meeting as stored, with what the API shows of it. */
export interface MeetingRecord extends MeetingSummary {
  enterpriseId: string;
  zoneId: string;
  endedAt: string | null;
  taskBriefing: string;
  safetyBriefing: string;
  measureBriefing: string;
  attireChecked: boolean;
  mentalChecked: boolean;
  ppeChecked: boolean;
  checkNotes: string | null;
  attendance: { teamMemberId: string | null; name: string; present: boolean; absenceReason: string | null }[];
  hazards: string[];
  topics: string | null;
  notes: string | null;
  source: 'WEB' | 'API' | 'LIVE';
}

/** What is written for a meeting; attendance names are copied from the roster. */
export interface MeetingWrite {
  enterpriseId: string;
  teamId: string;
  shiftId: string;
  meetingDate: string;
  startedAt: Date;
  endedAt: Date | null;
  hostName: string;
  taskBriefing: string;
  safetyBriefing: string;
  measureBriefing: string;
  attireChecked: boolean;
  mentalChecked: boolean;
  ppeChecked: boolean;
  checkNotes: string | null;
  hazards: string[];
  topics: string | null;
  notes: string | null;
  attendance: { teamMemberId: string; name: string; present: boolean; absenceReason: string | null }[];
  expectedCount: number;
  presentCount: number;
}

/** One team × shift of an enterprise, with the meeting of a given date if any. */
export interface CalendarSlot {
  enterpriseId: string;
  team: { id: string; name: string };
  shift: ShiftForMeeting;
  meeting: { id: string; timeliness: 'ON_TIME' | 'LATE' | null } | null;
}

export interface MeetingRepository {
  findTeam(teamId: string): Promise<TeamForMeeting | null>;
  findShift(shiftId: string): Promise<ShiftForMeeting | null>;
  findIdFor(teamId: string, shiftId: string, meetingDate: string): Promise<string | null>;
  create(
    data: MeetingWrite,
    meta: { reportedById: string | null; reportedAt: Date; timeliness: 'ON_TIME' | 'LATE'; source: 'WEB' | 'API' },
  ): Promise<string>;
  update(id: string, data: MeetingWrite): Promise<void>;
  findById(id: string): Promise<MeetingRecord | null>;
  list(scope: EnterpriseScope, query: MeetingQuery): Promise<Page<MeetingSummary>>;
  /** Active team × shift pairs of the enterprises in scope (filtered), with the meetings of `date`. */
  calendar(
    scope: EnterpriseScope,
    filter: { enterpriseId?: string; zoneId?: string; industryId?: string; riskLevel?: RiskLevel },
    date: string,
  ): Promise<CalendarSlot[]>;
}
