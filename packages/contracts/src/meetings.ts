import { z } from 'zod';
import { Id, PageQuery, RiskLevel } from './common.ts';
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
});
export type MeetingInput = z.infer<typeof MeetingInput>;

export const Timeliness = z.enum(['ON_TIME', 'LATE']);
export const ReviewStatus = z.enum(['PENDING', 'APPROVED', 'FLAGGED', 'CORRECTION_REQUESTED', 'RESUBMITTED']);

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
    timeliness: Timeliness.nullable(),
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
  /** False once the meeting has been reviewed: the record is then final. */
  editable: z.boolean(),
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
  reviewStatus: ReviewStatus.optional(),
});
export type MeetingQuery = z.infer<typeof MeetingQuery>;

/** One team × shift on a day: is its meeting due, reported, late or missing? */
export const BoardEntry = z.object({
  team: z.object({ id: Id, name: z.string() }),
  shift: z.object({ id: Id, name: z.string(), startTime: z.string(), endTime: z.string() }),
  /** Window in which the meeting counts as on time. */
  dueFrom: z.string(),
  dueUntil: z.string(),
  state: z.enum(['UPCOMING', 'DUE', 'REPORTED', 'LATE', 'MISSING']),
  meetingId: Id.nullable(),
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
]);
export type PlatformEvent = z.infer<typeof PlatformEvent>;
