// The one list of error codes the API sends, in `error.code` and in each field issue's `code`,
// with the names of the params that come with each. Clients translate by code and fill the
// params in; the English `message` next to a code is for API integrators and operators only.
// A code, once sent, keeps its meaning: add new codes rather than changing what one says.

/**
 * Every error and field-issue code, mapped to the names of its `params` (empty when it has none).
 * Top-level codes come first, then field codes (`FIELD_*` and the domain rules of one field).
 */
export const ERROR_CODES = {
  // ── Requests ──────────────────────────────────────────────────────────────────────────────
  /** One or more fields broke a rule; `details` lists them as field issues. */
  VALIDATION_FAILED: [],
  /** Malformed request the schema could not even look at (bad JSON, wrong content type). */
  BAD_REQUEST: [],
  /** The body or a declared size is over a limit. */
  PAYLOAD_TOO_LARGE: [],
  /** The request came from a page that is not the platform's own. */
  ORIGIN_REJECTED: [],
  /** Too many requests from one session, token or address; `seconds` until the next is accepted. */
  RATE_LIMITED: ['seconds'],
  /** The user has `limit` uploads open already; finish or cancel one first. */
  UPLOAD_QUOTA_USER: ['limit'],
  /** The enterprise has `limit` uploads open already. */
  UPLOAD_QUOTA_ENTERPRISE: ['limit'],
  /** The enterprise's open uploads would declare more than `limit` (text such as "40.0 GB") together. */
  UPLOAD_QUOTA_BYTES: ['limit'],
  /** The session (or user) has `limit` live event streams open already; close a tab or window. */
  EVENT_STREAMS_LIMIT: ['limit'],
  /** An export would hold `count` rows, over its limit of `limit`; narrow the filters. */
  EXPORT_TOO_LARGE: ['limit', 'count'],
  /** The server has no CJK font for PDF reports (REPORT_FONT_PATH); the printable page still works. */
  REPORT_FONT_MISSING: [],
  /** No such API route. */
  ROUTE_NOT_FOUND: [],
  /** Something failed on the server; `requestId` identifies it in the logs. */
  INTERNAL: ['requestId'],
  /** The database does not answer (restarting, failing over); the same request is worth repeating shortly. */
  DATABASE_UNAVAILABLE: [],
  /** The media store does not answer; the same request (an upload part) is worth repeating shortly. */
  STORAGE_UNAVAILABLE: [],

  // ── Sign-in and sessions ──────────────────────────────────────────────────────────────────
  /** Not signed in: no session cookie and no API token. */
  UNAUTHENTICATED: [],
  /** Generic 401 when nothing more specific applies. */
  UNAUTHORIZED: [],
  INVALID_CREDENTIALS: [],
  /** Too many failed sign-ins with this name from this address; it may try again after `minutes`. */
  ACCOUNT_LOCKED: ['minutes'],
  /** The session was ended (signed out, revoked, account deactivated). */
  SESSION_INVALID: [],
  /** A newer login to the same account ended this session (the concurrent-session limit). */
  SESSION_REPLACED: [],
  /** The account's password was changed or reset, which ended every other session. */
  SESSION_REVOKED_PASSWORD: [],
  /** A security administrator ended the account's sessions. */
  SESSION_REVOKED_ADMIN: [],
  /** The user signed this session out from another of their devices. */
  SESSION_SIGNED_OUT: [],
  /** The account was deactivated; none of its sessions work. */
  ACCOUNT_DEACTIVATED: [],
  /** The session reached its absolute limit of `hours`. */
  SESSION_EXPIRED: ['hours'],
  /** The session was idle for `minutes`. */
  SESSION_IDLE_TIMEOUT: ['minutes'],
  TOKEN_INVALID: [],
  TOKEN_EXPIRED: [],
  /** A signed media link is past its expiry; reloading the page gets a fresh one. */
  LINK_EXPIRED: [],
  /** A media link whose session (or API token) has ended: logged out, revoked or deactivated. */
  LINK_SESSION_ENDED: [],
  /** The second factor has not been given yet in this session; only the verification step answers. */
  MFA_REQUIRED: [],
  /** A privileged account without a second factor: it must enrol one before anything else. */
  MFA_ENROLMENT_REQUIRED: [],
  /** The password must be changed first (first login, after a reset, or older than the maximum age). */
  PASSWORD_CHANGE_REQUIRED: [],

  // ── Access ────────────────────────────────────────────────────────────────────────────────
  /** Generic 403 when nothing more specific applies. */
  FORBIDDEN: [],
  /** The caller's role may not perform this action. */
  ROLE_NOT_ALLOWED: [],
  /** A signed media link that was made for another file. */
  LINK_INVALID: [],
  /** Training and library material (upload purpose `content`) is uploaded by the system administrator only. */
  UPLOAD_CONTENT_ADMIN_ONLY: [],
  /** A zone officer asked for figures of a zone other than their own. */
  ZONE_OUTSIDE_SCOPE: [],
  /** Only administrators and enterprise officers manage accounts. */
  ACCOUNT_MANAGEMENT_FORBIDDEN: [],
  /** Enterprise officers may only manage officer and worker accounts of their own enterprise. */
  ACCOUNT_OUTSIDE_SCOPE: [],
  /** Nobody may deactivate their own account or change their own role. */
  OWN_ACCOUNT_CHANGE: [],
  /** Administrator accounts (system, security, audit) are created and changed by the security administrator only. */
  ADMINISTRATOR_ACCOUNT_RESERVED: [],
  /** The session has no pending second factor to verify. */
  MFA_NOT_PENDING: [],
  /** The account has a second factor already; a security administrator must reset it before a new enrolment. */
  MFA_ALREADY_ENABLED: [],
  /** Activation without an enrolment started (or after it was reset). */
  MFA_NOT_ENROLLING: [],

  // ── Missing things ────────────────────────────────────────────────────────────────────────
  /** The record does not exist or is outside the caller's scope (never says which). */
  NOT_FOUND: ['entity'],
  /** A media file that processing has not published yet. */
  FILE_NOT_READY: [],

  // ── Conflicts ─────────────────────────────────────────────────────────────────────────────
  /** Generic 409 when nothing more specific applies. */
  CONFLICT: [],
  USERNAME_TAKEN: [],
  CREDIT_CODE_TAKEN: [],
  /** Another zone already uses this `field` (code or name). */
  ZONE_TAKEN: ['field'],
  TEAM_NAME_TAKEN: [],
  SHIFT_NAME_TAKEN: [],
  /** A report for this team, shift and `date` exists already. */
  MEETING_ALREADY_REPORTED: ['date'],
  /** Another course already has this code. */
  COURSE_CODE_TAKEN: [],
  /** A published course must keep at least one lesson (field issue on `published`, or a 409 when removing the last). */
  COURSE_NO_LESSONS: [],
  /** The quiz draws `drawCount` questions but the bank holds `count` (field issue on `published`/`drawCount`, or a 409). */
  COURSE_BANK_TOO_SMALL: ['count', 'drawCount'],
  /** A quiz that workers have already taken (`count` attempts) cannot be removed, only changed. */
  QUIZ_HAS_ATTEMPTS: ['count'],
  /** A lesson with `count` learning records (viewings, progress) is kept: the records must stay for their retention. */
  LESSON_HAS_RECORDS: ['count'],
  /** A question drawn in `count` quiz attempts is kept, so those attempts can still be read. */
  QUESTION_IN_ATTEMPTS: ['count'],
  /** The enterprise is not enrolled in the programme, so there is nothing to take out. */
  PROGRAMME_ENTERPRISE_NOT_ENROLLED: [],
  /** A reviewed meeting can no longer be edited. */
  MEETING_ALREADY_REVIEWED: [],
  /** A library entry published (or created published) while its file is still uploading or being processed. */
  LIBRARY_MEDIA_NOT_READY: [],
  /** A review action that does not apply to the meeting as it stands (e.g. best practice twice). */
  REVIEW_NOT_APPLICABLE: [],
  /** A correction answer to a meeting with no open correction request. */
  NO_CORRECTION_REQUESTED: [],

  // ── Uploads and media ─────────────────────────────────────────────────────────────────────
  /** A file we will not accept or cannot play (generic; specific MEDIA_* codes say why). */
  MEDIA_REJECTED: [],
  /** A byte range outside the file. */
  RANGE_NOT_SATISFIABLE: [],
  /** The upload is no longer in storage; start again. */
  UPLOAD_GONE: [],
  /** Storage reports parts missing or of the wrong size at completion. */
  PARTS_INCOMPLETE: [],
  /** The upload was completed or cancelled already; `status` is its state. */
  UPLOAD_NOT_ACTIVE: ['status'],
  UPLOAD_EXPIRED: [],
  /** `parts` (e.g. "2, 5") of `count` parts have not arrived. */
  PARTS_MISSING: ['parts', 'count'],
  /** The declared type `contentType` is a document, archive or text, not a recording or photo (field issue). */
  UPLOAD_TYPE_NOT_MEDIA: ['contentType'],
  /** A video of `size` over the `limit` (field issue, text such as "4.0 GB"). */
  UPLOAD_VIDEO_TOO_LARGE: ['size', 'limit'],
  /** A photo of `size` over the `limit` (field issue). */
  UPLOAD_PHOTO_TOO_LARGE: ['size', 'limit'],
  /** A PDF document of `size` over the `limit` (field issue, or the refusal at completion). */
  UPLOAD_DOCUMENT_TOO_LARGE: ['size', 'limit'],
  /** Training or library material (purpose `content`) belongs to no meeting (field issue on meetingId). */
  UPLOAD_CONTENT_NO_MEETING: [],

  // ── Media: why a file was refused at completion or failed in processing ───────────────────
  /** The bytes of `fileName` are not a recording or a photo (text, PDF, archive…). */
  MEDIA_NOT_MEDIA: ['fileName'],
  /** No reader understands the file: damaged, incomplete or an unknown container. */
  MEDIA_UNREADABLE: [],
  /** A container with no video or audio stream. */
  MEDIA_NO_STREAMS: [],
  /** The video or audio codec `codec` has no decoder. */
  MEDIA_UNSUPPORTED_CODEC: ['codec'],
  /** A recording of `seconds` over the `limitSeconds` limit. */
  MEDIA_TOO_LONG: ['seconds', 'limitSeconds'],
  /** The file holds no frames or sound that can be read. */
  MEDIA_EMPTY: [],
  /** Decoding fails part-way through. */
  MEDIA_DAMAGED: [],
  /** A photo no decoder reads. */
  MEDIA_PHOTO_UNREADABLE: [],
  /** A photo of `megapixels` over the `limitMegapixels` limit. */
  MEDIA_PHOTO_TOO_LARGE: ['megapixels', 'limitMegapixels'],
  /** Processing failed on our side; the operator log has the cause. */
  MEDIA_PROCESSING_FAILED: [],
  /** A file sent as a PDF whose bytes are not a whole, readable PDF (another format, cut off, damaged). */
  MEDIA_DOCUMENT_UNREADABLE: [],
  /** A PDF of `size` over the `limit` for documents, found at completion (its declared type did not say PDF). */
  MEDIA_DOCUMENT_TOO_LARGE: ['size', 'limit'],

  // ── Live (直播) ────────────────────────────────────────────────────────────────────────────
  /** The enterprise already has `limit` lives not ended; end one first. */
  LIVE_LIMIT_ENTERPRISE: ['limit'],
  /** The platform is carrying `limit` lives, its most; try again later. */
  LIVE_LIMIT_TOTAL: ['limit'],
  /** The live is over (or never went on air); nothing to watch or change. */
  LIVE_ENDED: [],
  /** The live is not on air now (its encoder has not connected yet). */
  LIVE_NOT_LIVE: [],
  /** The live server (ingest) does not answer; the operator log has the cause. */
  LIVE_INGEST_UNAVAILABLE: [],
  /** The camera did not answer in time, refused the credentials or has no such stream. */
  CAMERA_UNREACHABLE: ['reason'],
  /** The camera is being recorded now (its live is in the camera's `liveId`). */
  CAMERA_ALREADY_RECORDING: [],
  /** A camera with this address is already registered for the enterprise. */
  CAMERA_DUPLICATE: [],

  // ── Learning ──────────────────────────────────────────────────────────────────────────────
  /** The learner is playing a lesson on another device right now; take over to continue here. */
  ANOTHER_DEVICE_PLAYING: [],
  /** The viewing was taken over by another device or is over; start a new one. */
  VIEWING_ENDED: [],
  /** The lesson's video or document is not ready to be shown yet. */
  LESSON_NOT_READY: [],
  /** The tapped number is not the one the presence check asked for. */
  PRESENCE_CHECK_WRONG: [],
  /** A document or poster was open for less than `seconds` seconds; read it first. */
  READING_TOO_SHORT: ['seconds'],
  /** Only document and poster lessons are completed by reading; videos by watching. */
  LESSON_NOT_FOR_READING: [],
  /** The course has no quiz. */
  QUIZ_NONE: [],
  /** The quiz opens once every required lesson is complete. */
  QUIZ_NOT_OPEN: [],
  /** All `limit` attempts of the quiz are used. */
  QUIZ_ATTEMPTS_USED: ['limit'],
  /** The quiz is passed already. */
  QUIZ_ALREADY_PASSED: [],
  /** This attempt was submitted already. */
  QUIZ_ALREADY_SUBMITTED: [],

  // ── Field issues: generic rules, from the request schema ──────────────────────────────────
  FIELD_REQUIRED: [],
  /** Wrong JSON type; `expected` is string, number, boolean, array or object. */
  FIELD_INVALID_TYPE: ['expected'],
  FIELD_NOT_EMPTY: [],
  /** Text shorter than `min` characters. */
  FIELD_TOO_SHORT: ['min'],
  /** Text longer than `max` characters. */
  FIELD_TOO_LONG: ['max'],
  /** Fewer than `min` items. */
  FIELD_TOO_FEW: ['min'],
  /** More than `max` items. */
  FIELD_TOO_MANY: ['max'],
  /** A number below `min`. */
  FIELD_TOO_SMALL: ['min'],
  /** A number that must be greater than `min` (e.g. a size above 0). */
  FIELD_NOT_ABOVE: ['min'],
  /** A number above `max`. */
  FIELD_TOO_BIG: ['max'],
  FIELD_NOT_INTEGER: [],
  /** Not one of the allowed values. */
  FIELD_INVALID_ENUM: [],
  /** Text that does not match `format`, one of FIELD_FORMATS. */
  FIELD_INVALID_FORMAT: ['format'],
  /** A field the schema does not know. */
  FIELD_UNKNOWN: [],
  /** Text with a control character (NUL and the like), or a line break in a single-line field. */
  FIELD_CONTROL_CHARACTER: [],
  /** Anything else the schema rejects. */
  FIELD_INVALID: [],

  // ── Field issues: domain rules, from the services ─────────────────────────────────────────
  /** Unified social credit code of the wrong length (`length` characters). */
  CREDIT_CODE_LENGTH: ['length'],
  /** Character at `position` (`character`) is not in the credit-code alphabet. */
  CREDIT_CODE_CHARACTER: ['position', 'character'],
  /** Characters 3–8 are not a 6-digit administrative division code. */
  CREDIT_CODE_DIVISION: [],
  /** The 18th character should be `expected`, not `actual`. */
  CREDIT_CODE_CHECK_DIGIT: ['expected', 'actual'],
  /** The 17th character (organisation-code check digit) should be `expected`. */
  CREDIT_CODE_ORG_CHECK_DIGIT: ['expected'],
  /** No longer sent: the PASSWORD_* codes below say which rule failed. Kept for older clients. */
  PASSWORD_TOO_WEAK: [],
  /** A password shorter than `min` characters. */
  PASSWORD_TOO_SHORT: ['min'],
  /** A password using fewer than `min` of the four classes: upper case, lower case, digits, symbols. */
  PASSWORD_TOO_FEW_CLASSES: ['min'],
  /** A password that contains the user name. */
  PASSWORD_CONTAINS_USERNAME: [],
  /** A password on the list of the most common ones. */
  PASSWORD_COMMON: [],
  /** One of the last `count` passwords of this account. */
  PASSWORD_REUSED: ['count'],
  /** The current password given to change it is wrong. */
  CURRENT_PASSWORD_WRONG: [],
  /** A one-time code that does not match the authenticator (wrong, or the device clock is off). */
  MFA_CODE_INVALID: [],
  /** A one-time code that was used already; wait for the next one. */
  MFA_CODE_REUSED: [],
  /** A recovery code that is wrong or was used already. */
  MFA_RECOVERY_CODE_INVALID: [],
  /** An id that points at nothing (or at something outside the caller's reach); `entity` says what. */
  REFERENCE_NOT_FOUND: ['entity'],
  /** An answer names a question that was not drawn for this attempt. */
  QUIZ_QUESTION_NOT_DRAWN: [],
  /** An answer's choices do not fit its question (`count` options; one choice for single choice and true/false). */
  QUIZ_CHOICE_INVALID: ['count'],
  /** Latitude and longitude must be given together. */
  COORDINATES_INCOMPLETE: [],
  /** The role needs an enterprise / zone (`entity`). */
  PLACEMENT_REQUIRED: ['entity'],
  /** The role must not have an enterprise / zone (`entity`). */
  PLACEMENT_NOT_ALLOWED: ['entity'],
  /** A shift that starts when it ends. */
  SHIFT_ZERO_LENGTH: [],
  /** Team member id that is not on this team. */
  TEAM_MEMBER_UNKNOWN: [],
  /** Shift that does not belong to the team's enterprise. */
  SHIFT_NOT_IN_ENTERPRISE: [],
  /** Team `team` does not work shift `shift`. */
  SHIFT_NOT_OF_TEAM: ['team', 'shift'],
  /** A report's file (mediaIds) that is unknown, gone, or another enterprise's. */
  STAGED_MEDIA_UNKNOWN: [],
  /** A report's file that is already evidence of another meeting. */
  MEDIA_OF_OTHER_MEETING: [],
  /** A file listed twice in mediaIds. */
  DUPLICATE_MEDIA: [],
  /** A library entry's file (mediaId) that is a meeting's evidence, not a content upload (purpose `content`). */
  LIBRARY_MEDIA_NOT_CONTENT: [],
  /** A library entry's file of the wrong kind: the entry's kind holds `expected` (PHOTO, VIDEO or DOCUMENT). */
  LIBRARY_MEDIA_KIND: ['expected'],
  /** A library entry's file whose processing failed; upload it again. */
  LIBRARY_MEDIA_FAILED: [],
  /** An original (originalOf) whose compressed copy is not a file of the named meeting. */
  ORIGINAL_NOT_OF_MEETING: [],
  /** Attendance for someone not on the team's roster. */
  NOT_ON_ROSTER: [],
  ABSENCE_REASON_REQUIRED: [],
  /** A member listed twice in attendance. */
  DUPLICATE_MEMBER: [],
  /** An end time not after the start. */
  END_BEFORE_START: [],
  /** A meeting start time in the future. */
  START_IN_FUTURE: [],
  /** A change to a day that has passed. */
  DATE_IN_PAST: [],
  /** A period whose start is after its end. */
  RANGE_REVERSED: [],
  /** A period longer than `days` days. */
  RANGE_TOO_LONG: ['days'],
  /** Flagging or asking for a correction without saying what is wrong. */
  REVIEW_NOTE_REQUIRED: [],
  /** A start time that is not on the shift's day `date` (or in its window the evening before). */
  START_NOT_ON_DATE: ['date'],
  /** A report for a shift whose meeting window opens at `opensAt` (ISO instant), still ahead. */
  SLOT_NOT_OPEN: ['opensAt'],
  /** A meeting end time in the future. */
  END_IN_FUTURE: [],
  /** A part number above the upload's `count` parts. */
  PART_OUT_OF_RANGE: ['count'],
  /** A part of the wrong size: `expected` bytes, got `actual`. */
  PART_SIZE_MISMATCH: ['expected', 'actual'],
  /** A part that kept coming past its `limitBytes` (sent without a length); nothing of it was kept. */
  PART_TOO_LARGE: ['limitBytes'],
  /** A robot URL that is not a URL (or has user info in it). */
  WEBHOOK_URL_INVALID: [],
  /** A robot URL over plain http; only https is accepted (unless WEBHOOK_ALLOW_HTTP). */
  WEBHOOK_URL_INSECURE: [],
  /** A robot URL naming a private, loopback or link-local address (SSRF), unless WEBHOOK_ALLOW_PRIVATE. */
  WEBHOOK_URL_PRIVATE: [],
  /** A signing secret for a WeCom robot, which does not sign. */
  WEBHOOK_SECRET_NOT_ALLOWED: [],
  // ── Worker accounts, their import and enrolment (field issues; import rows on `rows.<row>.<column>`) ──
  /** A phone number that is not an 11-digit mainland mobile. */
  PHONE_NOT_MOBILE: [],
  /** Another account already has this mobile number (or uses it as its user name). */
  PHONE_TAKEN: [],
  /** An ID number that is not 17 digits and a digit or X. */
  ID_NUMBER_FORMAT: [],
  /** An ID number whose first two digits are no province. */
  ID_NUMBER_REGION: [],
  /** An ID number whose birth date (digits 7–14) is not a real date, or lies in the future. */
  ID_NUMBER_BIRTH_DATE: [],
  /** The 18th character of an ID number should be `expected`, not `actual` (a digit is mistyped). */
  ID_NUMBER_CHECK_DIGIT: ['expected', 'actual'],
  /** Another account already has this ID number. */
  ID_NUMBER_TAKEN: [],
  /** The same value as in row `row` of the same file. */
  DUPLICATE_IN_FILE: ['row'],
  /** The enterprise has no active team named `team`. */
  WORKER_TEAM_UNKNOWN: ['team'],
  /** An import file with no data rows. */
  WORKER_IMPORT_EMPTY: [],
  /** An import file that is neither CSV nor Excel (.xlsx). */
  WORKER_IMPORT_NOT_A_TABLE: [],
  /** An Excel or CSV file that cannot be read (damaged, password-protected, or an unknown text encoding). */
  WORKER_IMPORT_UNREADABLE: [],
  /** An import of `count` rows, over the limit of `limit`; split the file. */
  WORKER_IMPORT_TOO_MANY_ROWS: ['limit', 'count'],
  /** The header row lacks the column `column`. */
  WORKER_IMPORT_COLUMN_MISSING: ['column'],
  /** The header row has the column `column` twice. */
  WORKER_IMPORT_COLUMN_DUPLICATE: ['column'],
  /** `count` more problems were found than are listed; fix these and import again. */
  WORKER_IMPORT_MORE_ISSUES: ['count'],
  /** The account is not a worker account of the caller's enterprise. */
  NOT_A_WORKER: [],
  /** Courses are open for enrolment once published. */
  COURSE_NOT_PUBLISHED: [],
  /** An enrolment with no worker: none chosen, or the chosen teams have no worker accounts. */
  ENROLMENT_NOBODY: [],
  /** The worker has started learning (watched, took the quiz or holds a certificate); the enrolment stays as a record. */
  ENROLMENT_HAS_PROGRESS: [],
  /** The 百家危化 tier takes enterprises of hazardous-chemical industries only; this one is in `industry`. */
  PROGRAMME_TIER_NEEDS_HAZARDOUS: ['industry'],
  /** An enterprise of the hazardous-chemical industry `industry` belongs to the 百家危化 tier, not 千家重点工贸. */
  PROGRAMME_TIER_NOT_FOR_HAZARDOUS: ['industry'],
  /** The enterprise is enrolled in the other tier (`category`) already; move it on its own. */
  PROGRAMME_ENTERPRISE_IN_OTHER_TIER: ['category'],
  /** A deactivated enterprise cannot be enrolled. */
  PROGRAMME_ENTERPRISE_INACTIVE: [],
  /** The programme's `year` falls outside its period. */
  PROGRAMME_YEAR_OUTSIDE_PERIOD: ['year'],
  /** A lesson's file is not a `expected` (VIDEO, PHOTO or DOCUMENT) as its kind needs. */
  LESSON_MEDIA_KIND: ['expected'],
  /** A lesson's file whose processing failed; upload it again. */
  LESSON_MEDIA_FAILED: [],
  /** A new lesson order that does not list every lesson of the course exactly once. */
  LESSON_ORDER_MISMATCH: [],
  /** A single-choice or true/false question needs exactly one answer. */
  QUESTION_ONE_ANSWER: [],
  /** A multiple-choice question needs at least `min` answers. */
  QUESTION_ANSWERS_TOO_FEW: ['min'],
  /** An answer index past the last of the `count` options. */
  QUESTION_ANSWER_OUT_OF_RANGE: ['count'],
  /** The same answer index twice. */
  QUESTION_ANSWER_DUPLICATE: [],
  /** Two options with the same text. */
  QUESTION_OPTION_DUPLICATE: [],
  /** True/false questions always have the options 正确 and 错误. */
  QUESTION_OPTIONS_FIXED: [],
} as const satisfies Record<string, readonly string[]>;

/** A code the API can send. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The params sent with `code`, by name. */
export type ErrorParams<C extends ErrorCode = ErrorCode> = { [K in (typeof ERROR_CODES)[C][number]]: string | number };

/**
 * The named formats of FIELD_INVALID_FORMAT's `format` param: the contract's own rules
 * (phone, username…) and the standard ones zod checks (uuid, date, datetime, time).
 */
export const FIELD_FORMATS = [
  'uuid',
  'date',
  'datetime',
  'time',
  'phone',
  'username',
  'zoneCode',
  'mimeType',
  'courseCode',
  'rtspUrl',
] as const;
export type FieldFormat = (typeof FIELD_FORMATS)[number];

/**
 * The `entity` param of NOT_FOUND and REFERENCE_NOT_FOUND, and of PLACEMENT_* (enterprise, zone).
 */
export const ENTITY_NAMES = [
  'zone',
  'industry',
  'enterprise',
  'team',
  'shift',
  'user',
  'meeting',
  'media',
  'upload',
  'file',
  'teamMember',
  'session',
  'webhook',
  'notification',
  'calendarDay',
  'libraryResource',
  'programme',
  'course',
  'lesson',
  'quiz',
  'question',
  'enrolment',
  'viewing',
  'presenceCheck',
  'quizAttempt',
  'certificate',
  'live',
  'camera',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/** True when `code` is in the registry (a client may be older than the server that sent it). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}
