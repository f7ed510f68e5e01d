import { z } from 'zod';
import { Id, PageQuery, RiskLevel } from './common.ts';
import { ReviewEntry } from './compliance.ts';
import { Media } from './media.ts';

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with offset, e.g. 2026-11-28T07:30:00+08:00' });
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
const required = (max: number) => line(max).min(1, { error: 'must not be empty' });

export const AttendanceInput = z.object({
  teamMemberId: Id,
  present: z.boolean(),
  absenceReason: line(100).nullable().optional(),
});

/** A 班前会 report: which team, shift and day; the 三交三查 record; attendance; hazards. */
export const MeetingInput = z.object({
  teamId: Id,
  shiftId: Id,
  meetingDate: day,
  startedAt: instant,
  endedAt: instant.nullable().optional(),
  hostName: required(32),
  taskBriefing: required(2000).meta({ description: '交任务' }),
  safetyBriefing: required(2000).meta({ description: '交安全' }),
  measureBriefing: required(2000).meta({ description: '交措施' }),
  attireChecked: z.boolean().meta({ description: '查着装' }),
  mentalChecked: z.boolean().meta({ description: '查精神状态' }),
  ppeChecked: z.boolean().meta({ description: '查防护用品' }),
  checkNotes: line(1000).nullable().optional(),
  attendance: z.array(AttendanceInput).max(500),
  hazards: z.array(required(200)).max(50).default([]),
  topics: line(2000).nullable().optional(),
  notes: line(2000).nullable().optional(),
  /** Files uploaded before the report was submitted (POST /api/uploads without a meeting), attached to it. */
  mediaIds: z.array(Id).max(50).default([]),
  /**
   * The device's id for this report. Sending the same report again (an answer lost on a weak
   * network) returns the meeting it created instead of a conflict.
   */
  clientRef: Id.optional(),
});
export type MeetingInput = z.infer<typeof MeetingInput>;

export const Timeliness = z.enum(['ON_TIME', 'LATE']);
/**
 * Where a due meeting stands: not yet open, open, reported complete (on time with evidence), late,
 * reported without photo or video past the grace, or missing.
 */
export const SlotState = z.enum(['UPCOMING', 'DUE', 'REPORTED', 'LATE', 'NO_EVIDENCE', 'MISSING']);
export type SlotState = z.infer<typeof SlotState>;
export const ReviewStatus = z.enum(['PENDING', 'APPROVED', 'FLAGGED', 'CORRECTION_REQUESTED', 'RESUBMITTED']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const MediaSummary = z.object({
  id: Id,
  kind: z.enum(['VIDEO', 'PHOTO', 'DOCUMENT']),
  status: z.enum(['UPLOADING', 'UPLOADED', 'PROCESSING', 'PLAYABLE', 'READY', 'FAILED']),
  progress: z.number().int(),
});

/** What lists, the board and the video wall show of a meeting. */
export const MeetingSummary = z
  .object({
    id: Id,
    enterprise: z.object({ id: Id, name: z.string(), riskLevel: RiskLevel }),
    zone: z.object({ id: Id, name: z.string() }),
    industry: z.object({ id: Id, name: z.string() }),
    team: z.object({ id: Id, name: z.string() }),
    shift: z.object({ id: Id, name: z.string(), startTime: z.string() }),
    meetingDate: z.string(),
    startedAt: z.string(),
    hostName: z.string(),
    expectedCount: z.number().int(),
    presentCount: z.number().int(),
    /** Reported on time (by the slot's deadline) or late. */
    timeliness: Timeliness.nullable(),
    /** Held on time: the declared start lies inside the shift's meeting window. */
    heldOnTime: z.boolean().nullable(),
    reviewStatus: ReviewStatus,
    bestPractice: z.boolean(),
    reportedAt: z.string().nullable(),
    media: z.array(MediaSummary),
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const FlagKind = z.enum([
  'PHOTO_TAKEN_OTHER_DAY',
  'PHOTO_TIME_FAR_FROM_START',
  'PHOTO_LOCATION_FAR',
  'PHOTO_REUSED',
  'VIDEO_REUSED',
  'VIDEO_TOO_SHORT',
  'ATTENDANCE_ABOVE_ROSTER',
  'NO_MEDIA',
  'MANUAL',
]);
export type FlagKind = z.infer<typeof FlagKind>;

/** A finding for a human to weigh (never a penalty by itself), with the evidence it is about. */
export const MeetingFlag = z
  .object({
    id: Id,
    kind: FlagKind,
    /** Measured values the web app puts into the sentence, e.g. {"distance": 3} or {"meters": 1800}. */
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    assetId: Id.nullable(),
    relatedAssetId: Id.nullable(),
    /** The other meeting a reused photo or video was found in, when the viewer may open it. */
    relatedMeeting: z.object({ id: Id, enterpriseName: z.string(), meetingDate: z.string() }).nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'MeetingFlag' });
export type MeetingFlag = z.infer<typeof MeetingFlag>;

export const Meeting = MeetingSummary.extend({
  endedAt: z.string().nullable(),
  taskBriefing: z.string(),
  safetyBriefing: z.string(),
  measureBriefing: z.string(),
  attireChecked: z.boolean(),
  mentalChecked: z.boolean(),
  ppeChecked: z.boolean(),
  checkNotes: z.string().nullable(),
  attendance: z.array(
    z.object({ teamMemberId: Id.nullable(), name: z.string(), present: z.boolean(), absenceReason: z.string().nullable() }),
  ),
  hazards: z.array(z.string()),
  topics: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.enum(['WEB', 'API', 'LIVE']),
  /** True while pending review or asked for a correction; final once accepted or flagged. */
  editable: z.boolean(),
  /** Uploaded files may be removed only before the first review. */
  mediaRemovable: z.boolean(),
  /** Evidence checks and reviewers' flags. */
  flags: z.array(MeetingFlag),
  /** Reviews and the enterprise's answers, oldest first. */
  reviews: z.array(ReviewEntry),
  /** Files the enterprise removed before review: not evidence, but shown to the reviewer. */
  removedMedia: z.array(
    z.object({ id: Id, kind: z.string(), originalName: z.string(), removedAt: z.string(), removedBy: z.string().nullable() }),
  ),
  /** Full media details with signed links (see GET /api/media/{id}). */
  mediaDetails: z.array(Media),
}).meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;

export const MeetingQuery = PageQuery.extend({
  from: day.optional(),
  to: day.optional(),
  enterpriseId: Id.optional(),
  teamId: Id.optional(),
  zoneId: Id.optional(),
  industryId: Id.optional(),
  riskLevel: RiskLevel.optional(),
  timeliness: Timeliness.optional(),
  /** Held inside its meeting window, or not. */
  held: z.enum(['ON_TIME', 'OUTSIDE_WINDOW']).optional(),
  /** With photo or video evidence, or reported without any. */
  evidence: z.enum(['WITH', 'WITHOUT']).optional(),
  /** With open evidence flags only. */
  flagged: z.enum(['true', 'false']).optional(),
  bestPractice: z.enum(['true', 'false']).optional(),
  reviewStatus: ReviewStatus.optional(),
  sort: z.enum(['reportedAt', 'meetingDate', 'enterprise']).default('reportedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type MeetingQuery = z.infer<typeof MeetingQuery>;

/** One team × shift on a day: is its meeting due, reported, late or missing? */
export const BoardEntry = z.object({
  team: z.object({ id: Id, name: z.string() }),
  shift: z.object({ id: Id, name: z.string(), startTime: z.string(), endTime: z.string() }),
  /** Window in which the meeting is held on time. */
  dueFrom: z.string(),
  dueUntil: z.string(),
  /** Reported after this, the meeting is late; nothing reported by then, it is missing. */
  reportBy: z.string(),
  state: SlotState,
  meetingId: Id.nullable(),
  heldOnTime: z.boolean().nullable(),
  evidenceCount: z.number().int(),
  flagCount: z.number().int(),
  reviewStatus: ReviewStatus.nullable(),
  /** The reviewer's note when a correction was requested and not yet answered. */
  correctionNote: z.string().nullable(),
});

export const Board = z.object({ date: z.string(), enterpriseId: Id, entries: z.array(BoardEntry) }).meta({ id: 'Board' });
export type Board = z.infer<typeof Board>;
export type BoardEntry = z.infer<typeof BoardEntry>;

export const BoardQuery = z.object({ date: day.optional() });

/** Today's counts for the wall header, over the filtered set of enterprises. */
export const WallQuery = z.object({
  zoneId: Id.optional(),
  industryId: Id.optional(),
  riskLevel: RiskLevel.optional(),
  date: day.optional(),
});
export type WallQuery = z.infer<typeof WallQuery>;

export const WallStats = z
  .object({
    date: z.string(),
    due: z.number().int(),
    reported: z.number().int(),
    late: z.number().int(),
    /** Reported without photo or video past the grace (also counted in `reported`). */
    noEvidence: z.number().int(),
    missing: z.number().int(),
    enterprises: z.number().int(),
  })
  .meta({ id: 'WallStats' });
export type WallStats = z.infer<typeof WallStats>;

/** Server-Sent Events on GET /api/events. `data` is JSON of one of these. */
export const PlatformEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('meeting.reported'), meetingId: Id, enterpriseId: Id, zoneId: Id }),
  z.object({ type: z.literal('meeting.updated'), meetingId: Id, enterpriseId: Id, zoneId: Id }),
  z.object({
    type: z.literal('media.status'),
    assetId: Id,
    meetingId: Id.nullable(),
    enterpriseId: Id,
    zoneId: Id,
    status: MediaSummary.shape.status,
    progress: z.number().int(),
  }),
  /** A live started, was interrupted or resumed, or ended (its recording then joins the meeting). */
  z.object({
    type: z.literal('live.changed'),
    liveId: Id,
    enterpriseId: Id,
    zoneId: Id,
    status: z.enum(['IDLE', 'LIVE', 'ENDED']),
    interrupted: z.boolean(),
    meetingId: Id.nullable(),
  }),
  /** A camera went online or offline. */
  z.object({
    type: z.literal('camera.status'),
    cameraId: Id,
    enterpriseId: Id,
    zoneId: Id,
    status: z.enum(['UNKNOWN', 'ONLINE', 'OFFLINE']),
  }),
]);
export type PlatformEvent = z.infer<typeof PlatformEvent>;
