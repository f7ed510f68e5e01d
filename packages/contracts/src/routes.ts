// The HTTP contract: for each operation in `endpoints`, its schemas and documentation. The API
// registers every route from this table and the web client is typed by it, so a path, a body or a
// response changes in one place and both sides follow (or fail to compile).
import { z } from 'zod';
import { IdParams, PageQuery, pageOf } from './common.ts';
import { endpoints, type OperationId } from './endpoints.ts';
import { AuditEntry, AuditFilter, AuditQuery } from './audit.ts';
import { Health, Liveness, Readiness } from './health.ts';
import { ChangePasswordBody, LoginBody, Me, MfaActivateBody, MfaEnrolment, MfaRecoveryCodes, MfaVerifyBody } from './auth.ts';
import { OwnSession, SessionsRevoked } from './sessions.ts';
import {
  Camera,
  CameraInput,
  CameraQuery,
  CameraUpdate,
  CreateLiveBody,
  RecordCameraBody,
  LiveMediaParams,
  LivePlayback,
  LivePublishing,
  LiveQuery,
  LiveStream,
} from './live.ts';
import { CreateUploadBody, Media, ReceivedPart, StreamParams, Upload, UploadCompletion, UploadPartParams } from './media.ts';
import { CalendarDay, CalendarDayInput, CalendarDayParams, CalendarQuery } from './calendar.ts';
import { CorrectionResponseInput, Dashboard, DashboardQuery, MissingList, MissingQuery, ReviewInput } from './compliance.ts';
import { EvidenceReport, EvidenceReportQuery } from './evidence-report.ts';
import { MeetingExportQuery, MissingExportQuery } from './exports.ts';
import { Board, BoardQuery, Meeting, MeetingInput, MeetingQuery, MeetingSummary, WallQuery, WallStats } from './meetings.ts';
import { Enterprise, EnterpriseInput, EnterpriseQuery, Industry, Shift, ShiftInput, Team, TeamInput, Zone, ZoneInput } from './org.ts';
import { AccountLocks, User, UserInput, UserQuery, UserUpdate } from './users.ts';
import {
  CreatedWorker,
  Enrolment,
  EnrolmentCourse,
  EnrolmentInput,
  EnrolmentQuery,
  EnrolmentResult,
  Worker,
  WorkerImportResult,
  WorkerInput,
  WorkerPasswordReset,
  WorkerQuery,
  WorkerTemplateQuery,
  WorkerUpdate,
} from './workers.ts';
import {
  CourseDetail,
  CourseInput,
  CourseQuery,
  CourseSummary,
  Lesson,
  LessonInput,
  LessonOrder,
  Question,
  QuestionInput,
  QuizSettings,
  QuizSettingsInput,
} from './courses.ts';
import {
  CheckAnswerBody,
  CheckAnswered,
  CheckParams,
  CertificateVerification,
  HeartbeatAnswer,
  HeartbeatBatch,
  LearningRecordsParams,
  LessonProgressState,
  LessonView,
  MyCertificate,
  MyCourse,
  MyCourseDetail,
  QuizAttemptView,
  QuizResult,
  QuizSubmission,
  ReadBody,
  StartViewingBody,
  VerifyParams,
  Viewing,
} from './learning.ts';
import {
  Programme,
  ProgrammeCandidatePage,
  ProgrammeCandidateQuery,
  ProgrammeDashboard,
  ProgrammeDashboardExportQuery,
  ProgrammeEnrolInput,
  ProgrammeEnrolResult,
  ProgrammeEnterprisePage,
  ProgrammeEnterpriseQuery,
  ProgrammeFilter,
  ProgrammeInput,
  ProgrammeMembership,
  ProgrammeQuery,
  ProgrammeTierInput,
} from './programme.ts';
import {
  NotificationPage,
  NotificationQuery,
  NotificationsMarked,
  Webhook,
  WebhookInput,
  WebhookTestResult,
  WebhookUpdate,
} from './reminders.ts';
import {
  LibraryQuery,
  LibraryResource,
  LibraryResourceInput,
  LibraryResourcePatch,
  LibraryResourceSummary,
  LibraryShowcase,
  LibraryShowcaseQuery,
} from './library.ts';

/** Statuses answered with the common `ErrorBody`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

/** The usual errors of an authenticated route that checks the caller's role. */
export const AUTHED = [401, 403] as const;

/** Everything about one operation except where it lives (that is in `endpoints`). */
export interface RouteSchemas {
  tags: readonly [string, ...string[]];
  summary?: string;
  description?: string;
  /** Answers without a session or API token (documented with `security: []`). */
  public?: true;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Answers with a body of their own, by status: the success answer, and health's 503. */
  response: { readonly [status: number]: z.ZodType };
  /** Statuses answered with the common `ErrorBody`. */
  errors: readonly ErrorStatus[];
}

const nothing = z.null();

const schemas = {
  getHealth: {
    tags: ['system'],
    summary: 'Liveness and a check per component',
    public: true,
    response: { 200: Health, 503: Health },
    errors: [],
  },
  getHealthLive: {
    tags: ['system'],
    summary: 'Liveness probe: answers while the process runs; checks nothing else',
    public: true,
    response: { 200: Liveness },
    errors: [],
  },
  getHealthReady: {
    tags: ['system'],
    summary: 'Readiness probe: 200 when the database and object store answer and the instance is not shutting down',
    description:
      'Answers 503 with status draining from SIGTERM on (the instance still serves requests for SHUTDOWN_DRAIN_SECONDS while the load balancer notices), and 503 with status degraded when a dependency does not answer. Results are reused for a second, so frequent probes stay cheap.',
    public: true,
    response: { 200: Readiness, 503: Readiness },
    errors: [],
  },

  login: {
    tags: ['auth'],
    summary: 'Log in with username and password; sets the session cookie',
    public: true,
    body: LoginBody,
    response: { 200: Me },
    errors: [400, 401, 429],
  },
  logout: { tags: ['auth'], summary: 'End the current session', response: { 204: nothing }, errors: [401] },
  getMe: {
    tags: ['auth'],
    summary: 'The logged-in user, role and enterprise or zone, and the step the session still owes',
    response: { 200: Me },
    errors: [401],
  },
  changePassword: {
    tags: ['auth'],
    summary: 'Change your own password with the current one; your other sessions end',
    description:
      'The new password must have at least 10 characters from 3 of: upper case, lower case, digits, symbols; must not contain the user name, be a common password or one of the last 5. A wrong current password counts as a failed login.',
    body: ChangePasswordBody,
    response: { 204: nothing },
    errors: [400, 401, 403, 429],
  },
  startMfaEnrolment: {
    tags: ['auth'],
    summary: 'Start enrolling a TOTP authenticator: a new secret and its otpauth:// URI for the QR code',
    response: { 200: MfaEnrolment },
    errors: [401, 403, 409],
  },
  activateMfa: {
    tags: ['auth'],
    summary: 'Confirm the enrolment with a code; returns 10 single-use recovery codes, shown once',
    body: MfaActivateBody,
    response: { 200: MfaRecoveryCodes },
    errors: [400, 401, 403, 409, 429],
  },
  verifyMfa: {
    tags: ['auth'],
    summary: 'Give the second factor (a TOTP code or a recovery code) to complete the session',
    body: MfaVerifyBody,
    response: { 200: Me },
    errors: [400, 401, 403, 409, 429],
  },
  listOwnSessions: {
    tags: ['auth'],
    summary: 'Your open sessions (signed-in browsers and devices), newest first, marking the current one',
    response: { 200: z.array(OwnSession) },
    errors: [401],
  },
  signOutOwnSession: {
    tags: ['auth'],
    summary: 'Sign out one of your own sessions; any other id is not found',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, 401, 404],
  },

  listZones: { tags: ['organisation'], summary: 'Development zones, streets and towns', response: { 200: z.array(Zone) }, errors: [401] },
  createZone: { tags: ['organisation'], body: ZoneInput, response: { 201: Zone }, errors: [400, ...AUTHED, 409] },
  updateZone: { tags: ['organisation'], params: IdParams, body: ZoneInput, response: { 200: Zone }, errors: [400, ...AUTHED, 404, 409] },
  listIndustries: { tags: ['organisation'], summary: 'Industry categories', response: { 200: z.array(Industry) }, errors: [401] },
  listEnterprises: {
    tags: ['organisation'],
    summary: 'Enterprises in your scope (all, your zone, or your own)',
    query: EnterpriseQuery,
    response: { 200: pageOf(Enterprise) },
    errors: [400, 401],
  },
  getEnterprise: { tags: ['organisation'], params: IdParams, response: { 200: Enterprise }, errors: [400, 401, 404] },
  createEnterprise: { tags: ['organisation'], body: EnterpriseInput, response: { 201: Enterprise }, errors: [400, ...AUTHED, 409] },
  updateEnterprise: {
    tags: ['organisation'],
    params: IdParams,
    body: EnterpriseInput,
    response: { 200: Enterprise },
    errors: [400, ...AUTHED, 404, 409],
  },

  listTeams: { tags: ['teams'], params: IdParams, response: { 200: z.array(Team) }, errors: [400, 401, 404] },
  createTeam: { tags: ['teams'], params: IdParams, body: TeamInput, response: { 201: Team }, errors: [400, ...AUTHED, 404, 409] },
  getTeam: { tags: ['teams'], params: IdParams, response: { 200: Team }, errors: [400, 401, 404] },
  updateTeam: {
    tags: ['teams'],
    summary: 'Replace a team, its roster and its shifts',
    params: IdParams,
    body: TeamInput,
    response: { 200: Team },
    errors: [400, ...AUTHED, 404, 409],
  },
  listShifts: { tags: ['shifts'], params: IdParams, response: { 200: z.array(Shift) }, errors: [400, 401, 404] },
  createShift: { tags: ['shifts'], params: IdParams, body: ShiftInput, response: { 201: Shift }, errors: [400, ...AUTHED, 404, 409] },
  updateShift: { tags: ['shifts'], params: IdParams, body: ShiftInput, response: { 200: Shift }, errors: [400, ...AUTHED, 404, 409] },

  listUsers: { tags: ['users'], query: UserQuery, response: { 200: pageOf(User) }, errors: [400, ...AUTHED] },
  getUser: { tags: ['users'], params: IdParams, response: { 200: User }, errors: [400, ...AUTHED, 404] },
  createUser: { tags: ['users'], body: UserInput, response: { 201: User }, errors: [400, ...AUTHED, 409] },
  updateUser: { tags: ['users'], params: IdParams, body: UserUpdate, response: { 200: User }, errors: [400, ...AUTHED, 404] },
  resetUserMfa: {
    tags: ['users'],
    summary: "Remove an account's second factor (security administrator); its sessions end and the next login enrols again",
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404],
  },
  revokeUserSessions: {
    tags: ['users'],
    summary: 'End every session of an account (security administrator); its user is told on their next request',
    params: IdParams,
    response: { 200: SessionsRevoked },
    errors: [400, ...AUTHED, 404],
  },
  getUserLocks: {
    tags: ['users'],
    summary: 'Sources an account is locked from after failed logins (system and security administrators)',
    params: IdParams,
    response: { 200: AccountLocks },
    errors: [400, ...AUTHED, 404],
  },
  unlockUser: {
    tags: ['users'],
    summary: "Clear an account's failed-login counters and locks from every source (security administrator)",
    params: IdParams,
    response: { 200: AccountLocks },
    errors: [400, ...AUTHED, 404],
  },
  listAuditLog: {
    tags: ['audit'],
    summary: 'Audit trail, newest first (audit administrator only); each read is itself audited',
    query: AuditQuery,
    response: { 200: pageOf(AuditEntry) },
    errors: [400, ...AUTHED],
  },
  exportAuditLog: {
    tags: ['audit'],
    summary: 'The filtered audit trail as CSV, streamed (audit administrator only); the export itself is audited',
    description: 'text/csv; charset=utf-8 with a byte-order mark so Excel shows Chinese; same filters as GET /api/audit, oldest first.',
    query: AuditFilter,
    // Streamed as is; only the error bodies have a schema.
    response: {},
    errors: [400, ...AUTHED],
  },

  createUpload: {
    tags: ['uploads'],
    summary: "Start a resumable upload of a meeting photo or video, or of the platform's training and library material",
    description:
      'Returns the part size and a target for each part. With S3 storage the targets are presigned URLs straight to the store; otherwise they are PUT /api/uploads/{id}/parts/{n}. `purpose: content` (system administrator only, else 403 UPLOAD_CONTENT_ADMIN_ONLY) uploads material that belongs to no enterprise or meeting and may also be a PDF (`application/pdf`, at most UPLOAD_MAX_DOCUMENT_MB); every logged-in user can read it.',
    body: CreateUploadBody,
    response: { 201: Upload },
    errors: [400, ...AUTHED, 404, 413, 429],
  },
  getUpload: {
    tags: ['uploads'],
    summary: 'Parts received so far and targets for the rest (resume)',
    params: IdParams,
    response: { 200: Upload },
    errors: [400, 401, 404],
  },
  completeUpload: {
    tags: ['uploads'],
    summary: 'Join the parts; the bytes decide whether it is a video or a photo; processing starts',
    params: IdParams,
    response: { 200: UploadCompletion },
    errors: [400, 401, 404, 409, 415],
  },
  abortUpload: {
    tags: ['uploads'],
    summary: 'Abandon an upload and delete its parts',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, 401, 404, 409],
  },
  uploadPart: {
    tags: ['uploads'],
    summary: 'Send one part (filesystem storage); re-sending a part replaces it',
    // The body is the part's raw bytes (any content type), so it has no schema.
    params: UploadPartParams,
    response: { 200: ReceivedPart },
    errors: [400, 401, 404, 409, 413],
  },

  getMedia: {
    tags: ['media'],
    summary: 'Status, progress, error, duration, size and signed links (HLS, poster, photo)',
    params: IdParams,
    response: { 200: Media },
    errors: [400, 401, 404],
  },
  streamMediaFile: {
    tags: ['media'],
    summary: 'A playlist, segment, poster or sprite behind a signed link (supports Range)',
    description:
      'The token in the path is issued by GET /api/media/{id}; it names the asset and expires (MEDIA_LINK_TTL_MINUTES). Relative URIs in playlists keep it, so hls.js needs no cookies.',
    public: true,
    params: StreamParams,
    // A file is sent as is; only the error bodies have a schema.
    response: {},
    errors: [401, 403, 404],
  },

  listLives: {
    tags: ['live'],
    summary: 'Live meetings in scope: pushes and camera recordings, live ones first',
    description:
      'Enterprise officers see their enterprise; zone officers their zone; the bureau, inspectors and command operators everything.',
    query: LiveQuery,
    response: { 200: pageOf(LiveStream) },
    errors: [400, ...AUTHED],
  },
  createLive: {
    tags: ['live'],
    summary: 'Create a live for a team (enterprise officer): answers the RTMP publish address and key, shown this once',
    description:
      'Refused with 409 LIVE_LIMIT_ENTERPRISE when the enterprise already has LIVE_MAX_PER_ENTERPRISE lives not ended. The key is stored hashed. Audited.',
    body: CreateLiveBody,
    response: { 201: LivePublishing },
    errors: [400, ...AUTHED, 404, 409],
  },
  getLive: { tags: ['live'], summary: 'One live', params: IdParams, response: { 200: LiveStream }, errors: [400, ...AUTHED, 404] },
  rotateLiveKey: {
    tags: ['live'],
    summary: 'Replace the publish key (enterprise officer): the old key stops working, the current publisher is dropped; audited',
    params: IdParams,
    response: { 200: LivePublishing },
    errors: [400, ...AUTHED, 404, 409, 503],
  },
  revokeLiveKey: {
    tags: ['live'],
    summary: 'Revoke the publish key (enterprise officer): refused at connect from now on, the current publisher is dropped; audited',
    params: IdParams,
    response: { 200: LiveStream },
    errors: [400, ...AUTHED, 404, 409, 503],
  },
  endLive: {
    tags: ['live'],
    summary: 'End a live (enterprise officer): the recording becomes the meeting video; audited',
    params: IdParams,
    response: { 200: LiveStream },
    errors: [400, ...AUTHED, 404, 409, 503],
  },
  playLive: {
    tags: ['live'],
    summary: 'Signed links to watch a live: HTTP-FLV (mpegts.js) and live HLS',
    description: 'Anyone who may see the meeting. 409 LIVE_NOT_LIVE when it is not on air.',
    params: IdParams,
    response: { 200: LivePlayback },
    errors: [400, ...AUTHED, 404, 409, 503],
  },
  streamLiveFile: {
    tags: ['live'],
    summary: 'A live stream behind a signed link: `stream.flv` (HTTP-FLV) or `hls/live.m3u8` and its segments',
    description:
      'The token in the path is issued by playLive or playCamera; it names the live or camera, is bound to the session and expires.',
    public: true,
    params: LiveMediaParams,
    response: {},
    errors: [401, 403, 404, 503],
  },
  listCameras: {
    tags: ['live'],
    summary: 'Meeting-room cameras in scope with their online status',
    query: CameraQuery,
    response: { 200: pageOf(Camera) },
    errors: [400, ...AUTHED],
  },
  createCamera: {
    tags: ['live'],
    summary: 'Register an RTSP camera (enterprise officer); its credentials are stored encrypted and never shown again; audited',
    body: CameraInput,
    response: { 201: Camera },
    errors: [400, ...AUTHED, 404, 409],
  },
  getCamera: { tags: ['live'], summary: 'One camera', params: IdParams, response: { 200: Camera }, errors: [400, ...AUTHED, 404] },
  updateCamera: {
    tags: ['live'],
    summary: 'Change a camera (enterprise officer); audited with the changed fields (never the credentials)',
    params: IdParams,
    body: CameraUpdate,
    response: { 200: Camera },
    errors: [400, ...AUTHED, 404, 409],
  },
  deleteCamera: {
    tags: ['live'],
    summary: 'Remove a camera (enterprise officer); its recordings stay; audited',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404, 409],
  },
  checkCamera: {
    tags: ['live'],
    summary: 'Check now whether a camera answers (enterprise officer); answers the camera with its status',
    params: IdParams,
    response: { 200: Camera },
    errors: [400, ...AUTHED, 404, 503],
  },
  recordCamera: {
    tags: ['live'],
    summary: 'Start recording a camera by hand (enterprise officer): a camera live whose recording becomes the meeting video',
    params: IdParams,
    body: RecordCameraBody,
    response: { 201: LiveStream },
    errors: [400, ...AUTHED, 404, 409, 503],
  },
  playCamera: {
    tags: ['live'],
    summary: 'Signed links to watch a camera now; the pull starts on demand and stops when nobody watches',
    params: IdParams,
    response: { 200: LivePlayback },
    errors: [400, ...AUTHED, 404, 503],
  },

  reportMeeting: {
    tags: ['meetings'],
    summary: 'Report a pre-shift meeting (safety officer, or an enterprise system with an API token)',
    description:
      'Attach photos and videos afterwards with POST /api/uploads using the returned id. Enterprise systems authenticate with `Authorization: Bearer <API token>`.',
    body: MeetingInput,
    response: { 201: Meeting },
    errors: [400, ...AUTHED, 404, 409],
  },
  updateMeeting: {
    tags: ['meetings'],
    summary: 'Edit a meeting until it is reviewed; every change is audited',
    params: IdParams,
    body: MeetingInput,
    response: { 200: Meeting },
    errors: [400, ...AUTHED, 404, 409],
  },
  getMeeting: {
    tags: ['meetings'],
    summary: 'A meeting with its record, attendance and media (signed links)',
    params: IdParams,
    response: { 200: Meeting },
    errors: [400, 401, 404],
  },
  listMeetings: {
    tags: ['meetings'],
    summary: 'Reported meetings in your scope, newest first',
    query: MeetingQuery,
    response: { 200: pageOf(MeetingSummary) },
    errors: [400, 401],
  },
  getBoard: {
    tags: ['meetings'],
    summary: "An enterprise's day: each team and shift due, reported, late or missing",
    params: IdParams,
    query: BoardQuery,
    response: { 200: Board },
    errors: [400, 401, 404],
  },
  getWallStats: {
    tags: ['command'],
    summary: "Today's due / reported / late / missing counts over the filtered enterprises",
    query: WallQuery,
    response: { 200: WallStats },
    errors: [400, 401],
  },
  reviewMeeting: {
    tags: ['compliance'],
    summary: 'Review a meeting: accept, flag, request a correction, or mark it as best practice (inspectors; zone officers in their zone)',
    description: 'FLAG and REQUEST_CORRECTION need a note saying what is wrong. Marking best practice also accepts the meeting.',
    params: IdParams,
    body: ReviewInput,
    response: { 200: Meeting },
    errors: [400, ...AUTHED, 404, 409],
  },
  respondToCorrection: {
    tags: ['compliance'],
    summary: "The enterprise's answer to a correction request, after editing the record or adding evidence",
    params: IdParams,
    body: CorrectionResponseInput,
    response: { 200: Meeting },
    errors: [400, ...AUTHED, 404, 409],
  },
  removeMedia: {
    tags: ['media'],
    summary: "Remove a meeting's file uploaded by mistake (before the meeting is reviewed); it stays visible to reviewers as removed",
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404, 409],
  },
  listMissingMeetings: {
    tags: ['compliance'],
    summary: 'Meetings due on a date (Asia/Shanghai) and not reported by their deadline: inspectors all, zone officers their zone',
    query: MissingQuery,
    response: { 200: MissingList },
    errors: [400, 401],
  },
  listCalendarDays: {
    tags: ['shifts'],
    summary: "The enterprise's rest days and 调休 working days (default: the next 90 days)",
    params: IdParams,
    query: CalendarQuery,
    response: { 200: z.array(CalendarDay) },
    errors: [400, 401, 404],
  },
  setCalendarDay: {
    tags: ['shifts'],
    summary: 'Declare a rest day (no meeting due) or a 调休 working day (the weekday shifts run) for the enterprise',
    params: CalendarDayParams,
    body: CalendarDayInput,
    response: { 200: CalendarDay },
    errors: [400, ...AUTHED, 404],
  },
  clearCalendarDay: {
    tags: ['shifts'],
    summary: 'Remove an exception: the day follows the shifts again',
    params: CalendarDayParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404],
  },
  listShowcase: {
    tags: ['compliance'],
    summary: 'Meetings marked as best practice, open to every enterprise (newest first)',
    query: PageQuery,
    response: { 200: pageOf(MeetingSummary) },
    errors: [400, ...AUTHED],
  },
  getShowcaseMeeting: {
    tags: ['compliance'],
    summary: "A best-practice meeting with its photos and videos; other enterprises' attendance, flags and reviews are left out",
    params: IdParams,
    response: { 200: Meeting },
    errors: [400, ...AUTHED, 404],
  },
  getComplianceDashboard: {
    tags: ['compliance'],
    summary: 'Reporting rates by zone, industry and day, the enterprises missing most, and flag counts, over a period',
    query: DashboardQuery,
    response: { 200: Dashboard },
    errors: [400, ...AUTHED],
  },
  exportMeetings: {
    tags: ['meetings'],
    summary: 'Every meeting matching the list filters as CSV or Excel (xlsx), Chinese headings and Beijing times; audited',
    description:
      'Same filters and order as GET /api/meetings, without paging. CSV is UTF-8 with a byte-order mark (Excel shows Chinese); cells that would start a formula get a leading apostrophe. More than EXPORT_MAX_ROWS (100,000) rows answer 400 EXPORT_TOO_LARGE.',
    query: MeetingExportQuery,
    // The file is streamed as is; only the error bodies have a schema.
    response: {},
    errors: [400, 401],
  },
  exportMissingMeetings: {
    tags: ['compliance'],
    summary: 'The missing list of a day as CSV or Excel (xlsx), same filters as GET /api/compliance/missing; audited',
    query: MissingExportQuery,
    response: {},
    errors: [400, 401],
  },
  getEvidenceReport: {
    tags: ['compliance'],
    summary:
      "An enterprise's evidence report for a period: due, reported, late and missing meetings, flags, reviews and the SHA-256 of every file",
    description:
      'At most 92 days (default the last 30). Inspectors and administrators any enterprise, zone officers their zone, the enterprise its own; audited.',
    params: IdParams,
    query: EvidenceReportQuery,
    response: { 200: EvidenceReport },
    errors: [400, 401, 404],
  },
  getEvidenceReportPdf: {
    tags: ['compliance'],
    summary: 'The evidence report as a PDF in Chinese (application/pdf); audited',
    description: 'Needs a CJK font on the server (REPORT_FONT_PATH); without one it answers 503 REPORT_FONT_MISSING.',
    params: IdParams,
    query: EvidenceReportQuery,
    response: {},
    errors: [400, 401, 404, 503],
  },

  streamEvents: {
    tags: ['events'],
    summary: 'Server-Sent Events (text/event-stream) of meetings and media status in your scope',
    description:
      'Each message is `data: <PlatformEvent JSON>`. Events published by any API or worker process arrive here through PostgreSQL LISTEN/NOTIFY. EventSource reconnects by itself (retry 3 s).',
    // An endless text/event-stream; only the error bodies have a schema.
    response: {},
    errors: [401, 429],
  },

  listWebhooks: {
    tags: ['reminders'],
    summary: "An enterprise's group robots (企业微信 / 钉钉) for missing-meeting reminders; never their URL or secret",
    params: IdParams,
    response: { 200: z.array(Webhook) },
    errors: [400, 401, 404],
  },
  createWebhook: {
    tags: ['reminders'],
    summary: 'Add a group robot (the enterprise officer or an administrator); URL and secret are stored encrypted',
    description:
      'The URL must be https and must not point at a private, loopback or link-local address (WEBHOOK_ALLOW_HTTP / WEBHOOK_ALLOW_PRIVATE relax this for tests).',
    params: IdParams,
    body: WebhookInput,
    response: { 201: Webhook },
    errors: [400, 401, 404],
  },
  updateWebhook: {
    tags: ['reminders'],
    summary: 'Rename a robot or switch it on or off',
    params: IdParams,
    body: WebhookUpdate,
    response: { 200: Webhook },
    errors: [400, 401, 404],
  },
  deleteWebhook: { tags: ['reminders'], summary: 'Remove a robot', params: IdParams, response: { 204: nothing }, errors: [400, 401, 404] },
  testWebhook: {
    tags: ['reminders'],
    summary: 'Post a test message to a robot now and record the outcome',
    params: IdParams,
    response: { 200: WebhookTestResult },
    errors: [400, 401, 404],
  },
  listNotifications: {
    tags: ['notifications'],
    summary: 'Your notifications, newest first, with the number unread',
    query: NotificationQuery,
    response: { 200: NotificationPage },
    errors: [400, 401],
  },
  markNotificationRead: {
    tags: ['notifications'],
    summary: 'Mark one of your notifications read',
    params: IdParams,
    response: { 200: NotificationsMarked },
    errors: [400, 401, 404],
  },
  markAllNotificationsRead: {
    tags: ['notifications'],
    summary: 'Mark all your notifications read',
    response: { 200: NotificationsMarked },
    errors: [401],
  },

  listWorkers: {
    tags: ['workers'],
    summary:
      "Worker accounts of your enterprise (officers), or of an enterprise in your scope (bureau roles); phones and ID numbers masked for all but the enterprise's officers",
    query: WorkerQuery,
    response: { 200: pageOf(Worker) },
    errors: [400, ...AUTHED, 404],
  },
  createWorker: {
    tags: ['workers'],
    summary: 'Create a worker account of your enterprise (officers); answers its initial password once',
    description:
      'The phone must be an 11-digit mainland mobile and the ID number a valid 18-character 居民身份证号 (GB 11643 check digit); neither may belong to another account. The user name defaults to the phone number. The worker must change the password at the first login.',
    body: WorkerInput,
    response: { 201: CreatedWorker },
    errors: [400, ...AUTHED, 409],
  },
  importWorkers: {
    tags: ['workers'],
    summary:
      'Import worker accounts from a CSV or Excel (.xlsx) file: every row is checked first and nothing is created while one is wrong',
    description:
      'The body is the file itself (any content type; at most 5 MB and 2,000 rows), with the header row 姓名, 手机号, 身份证号, 工号, 班组, 岗位 (the last three optional; see GET /api/enterprise/workers/template). CSV may be UTF-8 (with or without a byte-order mark) or GBK as Chinese Excel saves it. A bad file or header answers 400 VALIDATION_FAILED with issues on `file`; bad rows with one issue per problem on `rows.<row>.<column>`, the row numbered as the spreadsheet shows it. Otherwise every account is created in one transaction and answered with its initial password.',
    // The body is the raw file, so it has no schema.
    response: { 201: WorkerImportResult },
    errors: [400, ...AUTHED, 409, 413],
  },
  getWorkerImportTemplate: {
    tags: ['workers'],
    summary: 'The import template (Excel or CSV with a byte-order mark) with its Chinese header row and one example row',
    query: WorkerTemplateQuery,
    // The file is sent as is; only the error bodies have a schema.
    response: {},
    errors: [400, ...AUTHED],
  },
  getWorker: {
    tags: ['workers'],
    summary: "One worker account; the enterprise's officers see the phone and ID number in full",
    params: IdParams,
    response: { 200: Worker },
    errors: [400, ...AUTHED, 404],
  },
  updateWorker: {
    tags: ['workers'],
    summary: 'Deactivate a worker account (its sessions end) or activate it again (officers)',
    params: IdParams,
    body: WorkerUpdate,
    response: { 200: Worker },
    errors: [400, ...AUTHED, 404],
  },
  resetWorkerPassword: {
    tags: ['workers'],
    summary: "Give a worker a new initial password (officers), answered once; the worker's sessions end and the next login must change it",
    params: IdParams,
    response: { 200: WorkerPasswordReset },
    errors: [400, ...AUTHED, 404],
  },
  listEnrolmentCourses: {
    tags: ['enrolments'],
    summary: 'Published courses to enrol workers in, with how many of your workers are enrolled and completed',
    response: { 200: z.array(EnrolmentCourse) },
    errors: [...AUTHED],
  },
  listEnrolments: {
    tags: ['enrolments'],
    summary: "Enrolments of your enterprise's workers (or of an enterprise in your scope) with status, progress and certificate",
    query: EnrolmentQuery,
    response: { 200: pageOf(Enrolment) },
    errors: [400, ...AUTHED, 404],
  },
  enrolWorkers: {
    tags: ['enrolments'],
    summary: 'Enrol workers and whole teams of your enterprise in a published course (officers); enrolling twice is not an error',
    body: EnrolmentInput,
    response: { 200: EnrolmentResult },
    errors: [400, ...AUTHED],
  },
  deleteEnrolment: {
    tags: ['enrolments'],
    summary: 'Take a worker out of a course, only while nothing has been learned (officers)',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404, 409],
  },

  listCourses: {
    tags: ['courses'],
    summary: 'The course catalogue with lesson count, video length and bank size; published courses only, except for administrators',
    description: 'Administrators, inspectors, zone officers and enterprise officers (who enrol workers from it).',
    query: CourseQuery,
    response: { 200: pageOf(CourseSummary) },
    errors: [400, ...AUTHED],
  },
  createCourse: {
    tags: ['courses'],
    summary: 'Create a course (system administrator); audited',
    body: CourseInput,
    response: { 201: CourseDetail },
    errors: [400, ...AUTHED, 409],
  },
  getCourse: {
    tags: ['courses'],
    summary:
      'A course with its lessons in order, their files and the quiz settings; the question bank with answers for administrators only',
    description: 'A draft is found by administrators only.',
    params: IdParams,
    response: { 200: CourseDetail },
    errors: [400, ...AUTHED, 404],
  },
  updateCourse: {
    tags: ['courses'],
    summary: 'Change a course, publish it or take it back (system administrator); audited',
    description:
      'Publishing needs at least one lesson (COURSE_NO_LESSONS) and, when the course has a quiz, a bank of at least `drawCount` questions (COURSE_BANK_TOO_SMALL), both as field issues on `published`.',
    params: IdParams,
    body: CourseInput,
    response: { 200: CourseDetail },
    errors: [400, ...AUTHED, 404, 409],
  },
  createLesson: {
    tags: ['courses'],
    summary: 'Add a lesson at the end of a course (system administrator); audited',
    description:
      "The file is a content upload of the lesson's kind: VIDEO a video, DOCUMENT a PDF, POSTER a photo. Its length comes from the video once processed.",
    params: IdParams,
    body: LessonInput,
    response: { 201: Lesson },
    errors: [400, ...AUTHED, 404, 409],
  },
  reorderLessons: {
    tags: ['courses'],
    summary: "Put a course's lessons in a new order (system administrator); audited",
    params: IdParams,
    body: LessonOrder,
    response: { 200: z.array(Lesson) },
    errors: [400, ...AUTHED, 404, 409],
  },
  updateLesson: {
    tags: ['courses'],
    summary: 'Change a lesson (system administrator); audited',
    params: IdParams,
    body: LessonInput,
    response: { 200: Lesson },
    errors: [400, ...AUTHED, 404],
  },
  deleteLesson: {
    tags: ['courses'],
    summary: 'Remove a lesson (system administrator); the last lesson of a published course stays (409 COURSE_NO_LESSONS); audited',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404, 409],
  },
  setQuiz: {
    tags: ['courses'],
    summary: "Create or change the course's quiz: title, pass mark, questions drawn, attempts allowed (system administrator); audited",
    description: 'On a published course the draw cannot exceed the bank (COURSE_BANK_TOO_SMALL on `drawCount`).',
    params: IdParams,
    body: QuizSettingsInput,
    response: { 200: QuizSettings },
    errors: [400, ...AUTHED, 404],
  },
  deleteQuiz: {
    tags: ['courses'],
    summary: 'Remove the course quiz and its bank (system administrator); refused once it has been taken (409 QUIZ_HAS_ATTEMPTS); audited',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404, 409],
  },
  createQuestion: {
    tags: ['courses'],
    summary: "Add a question to the course quiz's bank (system administrator); the course needs a quiz first; audited",
    params: IdParams,
    body: QuestionInput,
    response: { 201: Question },
    errors: [400, ...AUTHED, 404],
  },
  updateQuestion: {
    tags: ['courses'],
    summary: 'Change a question of a bank (system administrator); audited',
    params: IdParams,
    body: QuestionInput,
    response: { 200: Question },
    errors: [400, ...AUTHED, 404],
  },
  deleteQuestion: {
    tags: ['courses'],
    summary: 'Remove a question (system administrator); a published course keeps at least its draw (409 COURSE_BANK_TOO_SMALL); audited',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404, 409],
  },

  listMyCourses: {
    tags: ['learning'],
    summary: 'The courses you are enrolled in, with progress and where to resume (workers)',
    response: { 200: z.array(MyCourse) },
    errors: [...AUTHED],
  },
  getMyCourse: {
    tags: ['learning'],
    summary: 'One of your courses: its lessons with your progress, its quiz and certificate',
    params: IdParams,
    response: { 200: MyCourseDetail },
    errors: [400, ...AUTHED, 404],
  },
  getMyLesson: {
    tags: ['learning'],
    summary: 'A lesson of a course you are enrolled in, with its media links and your watched ranges',
    params: IdParams,
    response: { 200: LessonView },
    errors: [400, ...AUTHED, 404],
  },
  startViewing: {
    tags: ['learning'],
    summary: 'Start watching (or reading) a lesson on this device; heartbeats go to the viewing',
    description:
      'One live viewing per learner: while another device is playing (a heartbeat in the last 30 s), this answers 409 ANOTHER_DEVICE_PLAYING unless `takeOver` is true, which ends the other viewing.',
    params: IdParams,
    body: StartViewingBody,
    response: { 201: Viewing },
    errors: [400, ...AUTHED, 404, 409],
  },
  markLessonRead: {
    tags: ['learning'],
    summary: 'A document or poster lesson has been open long enough: it is complete',
    params: IdParams,
    body: ReadBody,
    response: { 200: LessonProgressState },
    errors: [400, ...AUTHED, 404, 409],
  },
  sendHeartbeats: {
    tags: ['learning'],
    summary: 'Seconds played since the last heartbeat (one, or a queue made offline); only seconds actually played count',
    description:
      'Each heartbeat is judged and kept: ranges outside the video, more seconds than the device time allows at the highest permitted rate, a device clock ahead of the server, or a viewing another device took over are refused; counting stops at an unanswered presence check.',
    params: IdParams,
    body: HeartbeatBatch,
    response: { 200: HeartbeatAnswer },
    errors: [400, ...AUTHED, 404, 429],
  },
  answerPresenceCheck: {
    tags: ['learning'],
    summary: 'Answer a presence check (是否在学); counting resumes',
    params: CheckParams,
    body: CheckAnswerBody,
    response: { 200: CheckAnswered },
    errors: [400, ...AUTHED, 404, 409],
  },
  startQuizAttempt: {
    tags: ['learning'],
    summary: 'Start (or resume) a quiz attempt: questions drawn at random from the bank, without answers',
    params: IdParams,
    response: { 200: QuizAttemptView },
    errors: [400, ...AUTHED, 404, 409],
  },
  submitQuizAttempt: {
    tags: ['learning'],
    summary: 'Submit answers; graded on the server, with the right answers shown afterwards',
    params: IdParams,
    body: QuizSubmission,
    response: { 200: QuizResult },
    errors: [400, ...AUTHED, 404, 409],
  },
  listMyCertificates: {
    tags: ['learning'],
    summary: 'Your certificates',
    response: { 200: z.array(MyCertificate) },
    errors: [...AUTHED],
  },
  getMyCertificate: {
    tags: ['learning'],
    summary: 'One of your certificates, for printing',
    params: IdParams,
    response: { 200: MyCertificate },
    errors: [400, ...AUTHED, 404],
  },
  exportLearningRecords: {
    tags: ['learning'],
    summary: "A worker's learning records as CSV: viewings, heartbeats, presence checks, quiz attempts, certificates",
    description:
      'text/csv; charset=utf-8 with a byte-order mark. For the worker, the officers of the worker’s enterprise, the zone officer, inspectors and administrators; audited.',
    params: LearningRecordsParams,
    response: {},
    errors: [400, ...AUTHED, 404],
  },
  verifyCertificate: {
    tags: ['learning'],
    summary: 'Verify a certificate by the code printed on it (public, no login)',
    public: true,
    params: VerifyParams,
    response: { 200: CertificateVerification },
    errors: [400, 404, 429],
  },

  getProgramme: {
    tags: ['programme'],
    summary: 'The 百千万 programme with its three targets: the current one (today within its dates, else the latest), or `programmeId`',
    description: 'Administrators, inspectors and zone officers.',
    query: ProgrammeQuery,
    response: { 200: Programme },
    errors: [400, ...AUTHED, 404],
  },
  updateProgramme: {
    tags: ['programme'],
    summary: "Set the programme's name, year, period and targets (system administrator); audited",
    description:
      'The period ends on or after its start, lasts at most 10 years and contains `year`. Without a programme yet (no demo seed), the first save creates one.',
    body: ProgrammeInput,
    response: { 200: Programme },
    errors: [400, ...AUTHED, 404],
  },
  getProgrammeDashboard: {
    tags: ['programme'],
    summary: 'Progress against the three targets, in total and by zone and industry; zone officers see their zone only',
    description:
      'Counted over the enterprises enrolled in the programme and their active WORKER accounts. Enterprises enrolled / active ' +
      '(a worker of it watched counted seconds or completed a lesson in the last 30 days) / complete (at least one worker; every ' +
      'worker enrolled in a course and every enrolment completed), per tier. Workers enrolled (at least one course), trained (at ' +
      'least one completed course or a certificate), certified (at least one certificate neither revoked nor expired). Courses of ' +
      'another programme do not count. A zone officer naming another zone is refused (403 ZONE_OUTSIDE_SCOPE).',
    query: ProgrammeFilter,
    response: { 200: ProgrammeDashboard },
    errors: [400, ...AUTHED, 404],
  },
  exportProgrammeDashboard: {
    tags: ['programme'],
    summary: 'The dashboard breakdown (by zone, by industry, and the totals) as CSV or Excel with Chinese headings; audited',
    query: ProgrammeDashboardExportQuery,
    response: {},
    errors: [400, ...AUTHED, 404],
  },
  listProgrammeEnterprises: {
    tags: ['programme'],
    summary: 'Enterprises enrolled in the programme with their figures, filtered by zone, industry, tier and name; in scope',
    query: ProgrammeEnterpriseQuery,
    response: { 200: ProgrammeEnterprisePage },
    errors: [400, ...AUTHED, 404],
  },
  listProgrammeCandidates: {
    tags: ['programme'],
    summary: 'Active enterprises not yet enrolled, each with the one tier its industry allows (system administrator)',
    query: ProgrammeCandidateQuery,
    response: { 200: ProgrammeCandidatePage },
    errors: [400, ...AUTHED, 404],
  },
  enrolProgrammeEnterprises: {
    tags: ['programme'],
    summary: 'Enrol enterprises into one tier, all or nothing (system administrator); audited',
    description:
      'The 百家危化 tier takes enterprises of hazardous-chemical industries only, the 千家重点工贸 tier the others. An enterprise ' +
      'already in this tier is left as it is; one in the other tier, inactive or unknown is refused with a field issue on its ' +
      '`enterpriseIds.<n>` and nothing is enrolled.',
    body: ProgrammeEnrolInput,
    response: { 200: ProgrammeEnrolResult },
    errors: [400, ...AUTHED, 404],
  },
  setProgrammeEnterpriseTier: {
    tags: ['programme'],
    summary: 'Put one enterprise into a tier: enrol it, or move it from the other tier (system administrator); audited',
    params: IdParams,
    body: ProgrammeTierInput,
    response: { 200: ProgrammeMembership },
    errors: [400, ...AUTHED, 404],
  },
  removeProgrammeEnterprise: {
    tags: ['programme'],
    summary: 'Take an enterprise out of the programme (system administrator); its workers’ learning records stay; audited',
    params: IdParams,
    query: ProgrammeQuery,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404, 409],
  },
  listLibrary: {
    tags: ['library'],
    summary: '宣教资源电子库: search posters, videos, documents and campaign material by words, kind, campaign and tag',
    description:
      'Every logged-in role. Published entries only, except for the system administrator, who also sees drafts (`published=false` lists only them). Newest first.',
    query: LibraryQuery,
    response: { 200: pageOf(LibraryResourceSummary) },
    errors: [400, ...AUTHED],
  },
  createLibraryResource: {
    tags: ['library'],
    summary: 'Add an entry (system administrator) with a content upload of the kind it holds; audited',
    body: LibraryResourceInput,
    response: { 201: LibraryResource },
    errors: [400, ...AUTHED, 409],
  },
  getLibraryShowcase: {
    tags: ['library'],
    summary: '优秀班前会: the newest best-practice meetings for the library page, for the roles that may watch them',
    description: 'Roles that may not (workers, security and audit administrators) get `available: false` and no meetings.',
    query: LibraryShowcaseQuery,
    response: { 200: LibraryShowcase },
    errors: [400, ...AUTHED],
  },
  getLibraryResource: {
    tags: ['library'],
    summary: 'One entry with its file and signed links (HLS, image, PDF)',
    description: 'A draft is found by the system administrator only.',
    params: IdParams,
    response: { 200: LibraryResource },
    errors: [400, ...AUTHED, 404],
  },
  updateLibraryResource: {
    tags: ['library'],
    summary: 'Change an entry (system administrator); audited with the changed fields',
    params: IdParams,
    body: LibraryResourcePatch,
    response: { 200: LibraryResource },
    errors: [400, ...AUTHED, 404, 409],
  },
  publishLibraryResource: {
    tags: ['library'],
    summary: 'Show an entry to everyone (system administrator); its file must be ready to view',
    params: IdParams,
    response: { 200: LibraryResource },
    errors: [400, ...AUTHED, 404, 409],
  },
  unpublishLibraryResource: {
    tags: ['library'],
    summary: 'Withdraw an entry to a draft (system administrator)',
    params: IdParams,
    response: { 200: LibraryResource },
    errors: [400, ...AUTHED, 404],
  },
  deleteLibraryResource: {
    tags: ['library'],
    summary: 'Delete an entry (system administrator); its file stays, as lessons may use it',
    params: IdParams,
    response: { 204: nothing },
    errors: [400, ...AUTHED, 404],
  },
} as const satisfies { [K in OperationId]: RouteSchemas };

type Schemas = typeof schemas;

/** One operation of the contract: where it lives, its schemas and its operationId. */
export type RouteDefinition<K extends OperationId = OperationId> = (typeof endpoints)[K] & Schemas[K] & { operationId: K };

/** Every operation of the API by operationId; the API registers its routes from these. */
export const routes = Object.fromEntries(
  (Object.keys(endpoints) as OperationId[]).map((id) => [id, { ...endpoints[id], ...schemas[id], operationId: id }]),
  // Through unknown: with this many operations the compiler gives up comparing the two shapes.
) as unknown as { [K in OperationId]: RouteDefinition<K> };

// ── Types for clients ───────────────────────────────────────────────────────────────────────────

type SuccessStatus = 200 | 201 | 202 | 204;

/** What a client sends as the body of operation `K` (zod input: fields with defaults are optional). */
export type RouteBody<K extends OperationId> = Schemas[K] extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;

/** The query of operation `K`; every key is optional since paging and filters have server defaults. */
export type RouteQuery<K extends OperationId> = Schemas[K] extends { query: infer Q extends z.ZodType }
  ? { [P in keyof z.output<Q>]?: z.output<Q>[P] }
  : undefined;

/** What a successful call of operation `K` answers: the parsed JSON, or `void` for 204. */
export type RouteResponse<K extends OperationId> = {
  [S in keyof Schemas[K]['response']]: S extends SuccessStatus
    ? S extends 204
      ? void
      : Schemas[K]['response'][S] extends z.ZodType
        ? z.output<Schemas[K]['response'][S]>
        : never
    : never;
}[keyof Schemas[K]['response']];
