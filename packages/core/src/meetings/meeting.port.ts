import type { MeetingFlag, MeetingQuery, MeetingSummary, Page, ReviewEntry, ReviewInput, ReviewStatus } from '@platform/contracts';
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
  /** Flags with the other meeting's enterprise, so the service can tell whether the viewer may see it. */
  flags: (Omit<MeetingFlag, 'relatedMeeting'> & {
    relatedMeeting: { enterprise: { id: string; zoneId: string }; summary: NonNullable<MeetingFlag['relatedMeeting']> } | null;
  })[];
  reviews: ReviewEntry[];
  removedMedia: { id: string; kind: string; originalName: string; removedAt: string; removedBy: string | null }[];
}

/** A review as written: the history row and what it changes on the meeting. */
export interface ReviewWrite {
  authorId: string;
  action: ReviewInput['action'] | 'RESPOND';
  note: string | null;
  reviewStatus?: ReviewStatus;
  bestPractice?: boolean;
  /** A reviewer's flag becomes a MANUAL evidence flag too, so it is counted and listed with the others. */
  manualFlag?: { key: string; detail: string };
}

/** A meeting's file as the removal rule needs it. */
export interface EvidenceFile {
  id: string;
  meetingId: string | null;
  enterpriseId: string | null;
  originalName: string;
  removedAt: Date | null;
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

export interface MeetingRepository {
  findTeam(teamId: string): Promise<TeamForMeeting | null>;
  findShift(shiftId: string): Promise<ShiftForMeeting | null>;
  /** The meeting reported for this team, shift and date, with the device id it was reported under. */
  findIdFor(teamId: string, shiftId: string, meetingDate: string): Promise<{ id: string; clientRef: string | null } | null>;
  create(
    data: MeetingWrite,
    meta: {
      reportedById: string | null;
      reportedAt: Date;
      source: 'WEB' | 'API';
      clientRef: string | null;
      timeliness: 'ON_TIME' | 'LATE';
      heldOnTime: boolean;
    },
  ): Promise<string>;
  setTimeliness(id: string, facts: { timeliness: 'ON_TIME' | 'LATE'; heldOnTime: boolean }): Promise<void>;
  addReview(meetingId: string, review: ReviewWrite): Promise<void>;
  findEvidenceFile(assetId: string): Promise<EvidenceFile | null>;
  removeEvidenceFile(assetId: string, removedById: string | null, at: Date): Promise<void>;
  update(id: string, data: MeetingWrite): Promise<void>;
  findById(id: string): Promise<MeetingRecord | null>;
  list(scope: EnterpriseScope, query: MeetingQuery): Promise<Page<MeetingSummary>>;
}
