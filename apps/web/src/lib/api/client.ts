// The web app's only way to the API. Paths and methods come from the contract's `endpoints`, and
// every argument and answer is typed by its route table: renaming a path, changing a schema or
// calling an operation the API does not have fails svelte-check. Schemas are imported as types
// only, so zod never reaches the browser bundle.
import { request as send, urlWithQuery, type RequestOptions } from './http.ts';
import { resolveOperation, type Body, type OperationArgs, type OperationId, type Query, type Result } from './operation.ts';

export { ApiError, type FieldIssue } from './api-error.ts';

/** The arguments of operation `K` plus what a 401 means to this caller. Optional when `K` needs none. */
type CallArgs<K extends OperationId> = OperationArgs<K> & Pick<RequestOptions, 'on401'>;

/**
 * Typed calls to every endpoint the web app uses, grouped by resource. Load functions pass their
 * own `fetch` (`apiFor(fetch)`) as SvelteKit asks; components use the ready-made `api`.
 */
export function apiFor(fetchImpl?: typeof fetch) {
  function call<K extends OperationId>(
    id: K,
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T` asks whether every field of T is optional.
    ...[args]: {} extends CallArgs<K> ? [args?: CallArgs<K>] : [args: CallArgs<K>]
  ): Promise<Result<K>> {
    const { method, path, query, body } = resolveOperation(id, (args ?? {}) as OperationArgs<K>);
    return send<Result<K>>(method, path, { query, body, on401: args?.on401, fetch: fetchImpl });
  }
  return {
    auth: {
      /** 401 INVALID_CREDENTIALS and 429 ACCOUNT_LOCKED / RATE_LIMITED are thrown to the form. */
      login: (body: Body<'login'>) => call('login', { body, on401: 'throw' }),
      logout: () => call('logout', { on401: 'throw' }),
      /** The logged-in user; throws a 401 ApiError (no redirect) when there is no session. */
      me: () => call('getMe', { on401: 'throw' }),
      sessions: {
        /** The caller's open sessions (登录设备), newest first, the current one marked. */
        list: () => call('listOwnSessions'),
        /** Signs out one of the caller's sessions; 404 when it is not theirs or already ended. */
        signOut: (id: string) => call('signOutOwnSession', { params: { id } }),
      },
      /** 400 with field issues (CURRENT_PASSWORD_WRONG, PASSWORD_*) for the form; other sessions end. */
      changePassword: (body: Body<'changePassword'>) => call('changePassword', { body }),
      mfa: {
        /** A new TOTP secret and its otpauth:// URI (drawn as a QR code in the browser). */
        enrol: () => call('startMfaEnrolment'),
        /** Confirms the enrolment; the answer holds the recovery codes, shown once. */
        activate: (body: Body<'activateMfa'>) => call('activateMfa', { body }),
        /** Completes a session waiting for the second factor; answers the user with the next step, if any. */
        verify: (body: Body<'verifyMfa'>) => call('verifyMfa', { body }),
      },
    },
    zones: {
      list: () => call('listZones'),
      create: (body: Body<'createZone'>) => call('createZone', { body }),
      update: (id: string, body: Body<'updateZone'>) => call('updateZone', { params: { id }, body }),
    },
    industries: {
      list: () => call('listIndustries'),
    },
    enterprises: {
      list: (query: Query<'listEnterprises'> = {}) => call('listEnterprises', { query }),
      get: (id: string) => call('getEnterprise', { params: { id } }),
      create: (body: Body<'createEnterprise'>) => call('createEnterprise', { body }),
      update: (id: string, body: Body<'updateEnterprise'>) => call('updateEnterprise', { params: { id }, body }),
      /** Each team × shift of one day (default: today in Asia/Shanghai) with its meeting state. */
      board: (id: string, date?: string) => call('getBoard', { params: { id }, query: { date } }),
    },
    teams: {
      list: (enterpriseId: string) => call('listTeams', { params: { id: enterpriseId } }),
      get: (id: string) => call('getTeam', { params: { id } }),
      create: (enterpriseId: string, body: Body<'createTeam'>) => call('createTeam', { params: { id: enterpriseId }, body }),
      /** Replaces the team, its whole roster and its shifts. */
      update: (id: string, body: Body<'updateTeam'>) => call('updateTeam', { params: { id }, body }),
    },
    webhooks: {
      /** The enterprise's group robots, never their URL or secret. */
      list: (enterpriseId: string) => call('listWebhooks', { params: { id: enterpriseId } }),
      create: (enterpriseId: string, body: Body<'createWebhook'>) => call('createWebhook', { params: { id: enterpriseId }, body }),
      update: (id: string, body: Body<'updateWebhook'>) => call('updateWebhook', { params: { id }, body }),
      remove: (id: string) => call('deleteWebhook', { params: { id } }),
      /** Posts a test message now; a robot that does not deliver answers `delivered: false`. */
      test: (id: string) => call('testWebhook', { params: { id } }),
    },
    notifications: {
      list: (query: Query<'listNotifications'> = {}) => call('listNotifications', { query }),
      markRead: (id: string) => call('markNotificationRead', { params: { id } }),
      markAllRead: () => call('markAllNotificationsRead'),
    },
    shifts: {
      list: (enterpriseId: string) => call('listShifts', { params: { id: enterpriseId } }),
      create: (enterpriseId: string, body: Body<'createShift'>) => call('createShift', { params: { id: enterpriseId }, body }),
      update: (id: string, body: Body<'updateShift'>) => call('updateShift', { params: { id }, body }),
    },
    meetings: {
      list: (query: Query<'listMeetings'> = {}) => call('listMeetings', { query }),
      get: (id: string) => call('getMeeting', { params: { id } }),
      create: (body: Body<'reportMeeting'>) => call('reportMeeting', { body }),
      /** 409 CONFLICT once the meeting has been reviewed. */
      update: (id: string, body: Body<'updateMeeting'>) => call('updateMeeting', { params: { id }, body }),
    },
    uploads: {
      create: (body: Body<'createUpload'>) => call('createUpload', { body }),
      /** Parts the server already has and fresh targets for the rest: what a resuming client needs. */
      get: (id: string) => call('getUpload', { params: { id } }),
      /** 415 MEDIA_REJECTED (with a message for the user) when the bytes are not a usable photo or video. */
      complete: (id: string) => call('completeUpload', { params: { id } }),
      abort: (id: string) => call('abortUpload', { params: { id } }),
    },
    media: {
      get: (id: string) => call('getMedia', { params: { id } }),
      /** Removes a wrong file before review (409 MEETING_ALREADY_REVIEWED after). */
      remove: (id: string) => call('removeMedia', { params: { id } }),
    },
    reviews: {
      /** Inspector or zone officer: accept, flag, ask for a correction, best practice. */
      review: (meetingId: string, body: Body<'reviewMeeting'>) => call('reviewMeeting', { params: { id: meetingId }, body }),
      /** The enterprise's answer to a correction request. */
      respond: (meetingId: string, body: Body<'respondToCorrection'>) => call('respondToCorrection', { params: { id: meetingId }, body }),
    },
    calendar: {
      list: (enterpriseId: string, query: Query<'listCalendarDays'> = {}) =>
        call('listCalendarDays', { params: { id: enterpriseId }, query }),
      set: (enterpriseId: string, date: string, body: Body<'setCalendarDay'>) =>
        call('setCalendarDay', { params: { id: enterpriseId, date }, body }),
      clear: (enterpriseId: string, date: string) => call('clearCalendarDay', { params: { id: enterpriseId, date } }),
    },
    library: {
      /** Published entries (drafts too for the administrator), newest first. */
      list: (query: Query<'listLibrary'> = {}) => call('listLibrary', { query }),
      get: (id: string) => call('getLibraryResource', { params: { id } }),
      /** 优秀班前会 for the library page; `available: false` for roles that may not watch them. */
      showcase: (query: Query<'getLibraryShowcase'> = {}) => call('getLibraryShowcase', { query }),
      create: (body: Body<'createLibraryResource'>) => call('createLibraryResource', { body }),
      update: (id: string, body: Body<'updateLibraryResource'>) => call('updateLibraryResource', { params: { id }, body }),
      /** 409 LIBRARY_MEDIA_NOT_READY while the file is still being processed. */
      publish: (id: string) => call('publishLibraryResource', { params: { id } }),
      unpublish: (id: string) => call('unpublishLibraryResource', { params: { id } }),
      remove: (id: string) => call('deleteLibraryResource', { params: { id } }),
    },
    showcase: {
      list: (query: Query<'listShowcase'> = {}) => call('listShowcase', { query }),
      get: (id: string) => call('getShowcaseMeeting', { params: { id } }),
    },
    compliance: {
      missing: (query: Query<'listMissingMeetings'> = {}) => call('listMissingMeetings', { query }),
      dashboard: (query: Query<'getComplianceDashboard'> = {}) => call('getComplianceDashboard', { query }),
      /** An enterprise's evidence report for a period (default the last 30 days, at most 92). */
      evidenceReport: (id: string, query: Query<'getEvidenceReport'> = {}) => call('getEvidenceReport', { params: { id }, query }),
      /** Where the browser downloads the evidence report as a PDF (a link: the server streams it). */
      evidenceReportPdfUrl: (id: string, query: Query<'getEvidenceReportPdf'> = {}) => {
        const resolved = resolveOperation('getEvidenceReportPdf', { params: { id }, query });
        return urlWithQuery(resolved.path, resolved.query);
      },
    },
    programme: {
      /** The current 百千万 programme (or `programmeId`) with its targets; 404 when none is set up. */
      get: (query: Query<'getProgramme'> = {}) => call('getProgramme', { query }),
      update: (body: Body<'updateProgramme'>) => call('updateProgramme', { body }),
      dashboard: (query: Query<'getProgrammeDashboard'> = {}) => call('getProgrammeDashboard', { query }),
      enterprises: (query: Query<'listProgrammeEnterprises'> = {}) => call('listProgrammeEnterprises', { query }),
      candidates: (query: Query<'listProgrammeCandidates'> = {}) => call('listProgrammeCandidates', { query }),
      /** All or nothing: a refused enterprise comes back as a field issue on `enterpriseIds.<n>`. */
      enrol: (body: Body<'enrolProgrammeEnterprises'>) => call('enrolProgrammeEnterprises', { body }),
      setTier: (enterpriseId: string, body: Body<'setProgrammeEnterpriseTier'>) =>
        call('setProgrammeEnterpriseTier', { params: { id: enterpriseId }, body }),
      remove: (enterpriseId: string, query: Query<'removeProgrammeEnterprise'> = {}) =>
        call('removeProgrammeEnterprise', { params: { id: enterpriseId }, query }),
    },
    courses: {
      /** The catalogue: published courses, and drafts too for administrators (`published: 'false'`). */
      list: (query: Query<'listCourses'> = {}) => call('listCourses', { query }),
      /** Lessons with their files; the question bank with answers for administrators only. */
      get: (id: string) => call('getCourse', { params: { id } }),
      create: (body: Body<'createCourse'>) => call('createCourse', { body }),
      /** Also publishes and takes back (`published`); refused with field issues on `published` when not ready. */
      update: (id: string, body: Body<'updateCourse'>) => call('updateCourse', { params: { id }, body }),
      lessons: {
        create: (courseId: string, body: Body<'createLesson'>) => call('createLesson', { params: { id: courseId }, body }),
        update: (id: string, body: Body<'updateLesson'>) => call('updateLesson', { params: { id }, body }),
        remove: (id: string) => call('deleteLesson', { params: { id } }),
        reorder: (courseId: string, lessonIds: string[]) => call('reorderLessons', { params: { id: courseId }, body: { lessonIds } }),
      },
      quiz: {
        set: (courseId: string, body: Body<'setQuiz'>) => call('setQuiz', { params: { id: courseId }, body }),
        remove: (courseId: string) => call('deleteQuiz', { params: { id: courseId } }),
      },
      questions: {
        create: (courseId: string, body: Body<'createQuestion'>) => call('createQuestion', { params: { id: courseId }, body }),
        update: (id: string, body: Body<'updateQuestion'>) => call('updateQuestion', { params: { id }, body }),
        remove: (id: string) => call('deleteQuestion', { params: { id } }),
      },
    },
    wall: {
      /** Today's due / reported / late / missing counts (Asia/Shanghai) over the filtered enterprises. */
      stats: (query: Query<'getWallStats'> = {}) => call('getWallStats', { query }),
    },
    users: {
      list: (query: Query<'listUsers'> = {}) => call('listUsers', { query }),
      get: (id: string) => call('getUser', { params: { id } }),
      create: (body: Body<'createUser'>) => call('createUser', { body }),
      update: (id: string, patch: Body<'updateUser'>) => call('updateUser', { params: { id }, body: patch }),
      /** Ends every session of the account (security administrator); answers how many were open. */
      revokeSessions: (id: string) => call('revokeUserSessions', { params: { id } }),
      /** Sources the account is locked from after failed logins (system and security administrators). */
      locks: (id: string) => call('getUserLocks', { params: { id } }),
      /** Clears the account's locks from every source (security administrator). */
      unlock: (id: string) => call('unlockUser', { params: { id } }),
      /** Removes the account's second factor and ends its sessions (security administrator). */
      resetMfa: (id: string) => call('resetUserMfa', { params: { id } }),
    },
    workers: {
      /** Officers: their enterprise's workers, phones in full, ID numbers masked; bureau roles name an enterprise. */
      list: (query: Query<'listWorkers'> = {}) => call('listWorkers', { query }),
      /** One worker; the enterprise's officers see the ID number in full. */
      get: (id: string) => call('getWorker', { params: { id } }),
      /** Answers the account with its initial password, shown once. */
      create: (body: Body<'createWorker'>) => call('createWorker', { body }),
      /**
       * Sends the CSV or XLSX file itself. A bad file or bad rows come back as a 400 whose details
       * name `file` or `rows.<row>.<column>`; nothing is imported then.
       */
      import: (file: Blob) => {
        const { method, path } = resolveOperation('importWorkers', {} as OperationArgs<'importWorkers'>);
        return send<Result<'importWorkers'>>(method, path, { body: file, fetch: fetchImpl });
      },
      /** Where the browser downloads the import template (a link: the server sends the file). */
      templateUrl: (format: 'xlsx' | 'csv') => {
        const resolved = resolveOperation('getWorkerImportTemplate', { query: { format } });
        return urlWithQuery(resolved.path, resolved.query);
      },
      setActive: (id: string, active: boolean) => call('updateWorker', { params: { id }, body: { active } }),
      /** A new initial password, shown once; the worker's sessions end. */
      resetPassword: (id: string) => call('resetWorkerPassword', { params: { id } }),
    },
    enrolments: {
      /** Published courses with the enterprise's enrolled and completed counts. */
      courses: () => call('listEnrolmentCourses'),
      list: (query: Query<'listEnrolments'> = {}) => call('listEnrolments', { query }),
      /** Enrolling someone twice is not an error: the answer counts them as `already`. */
      enrol: (body: Body<'enrolWorkers'>) => call('enrolWorkers', { body }),
      /** 409 ENROLMENT_HAS_PROGRESS once the worker has started learning. */
      remove: (id: string) => call('deleteEnrolment', { params: { id } }),
    },
    learn: {
      /** The caller's own enrolments with progress and where to resume. */
      courses: () => call('listMyCourses'),
      course: (id: string) => call('getMyCourse', { params: { id } }),
      lesson: (id: string) => call('getMyLesson', { params: { id } }),
      /** 409 ANOTHER_DEVICE_PLAYING while another device plays, unless `takeOver`. */
      startViewing: (id: string, body: Body<'startViewing'>) => call('startViewing', { params: { id }, body }),
      /** One heartbeat or a queue of them made offline; each is judged and answered. */
      heartbeats: (id: string, body: Body<'sendHeartbeats'>) => call('sendHeartbeats', { params: { id }, body }),
      answerCheck: (id: string, checkId: string, answer: string) =>
        call('answerPresenceCheck', { params: { id, checkId }, body: { answer } }),
      /** A document or poster lesson read (409 READING_TOO_SHORT before the reading time). */
      markRead: (id: string, sessionId: string) => call('markLessonRead', { params: { id }, body: { sessionId } }),
      startQuiz: (courseId: string) => call('startQuizAttempt', { params: { id: courseId } }),
      submitQuiz: (attemptId: string, body: Body<'submitQuizAttempt'>) => call('submitQuizAttempt', { params: { id: attemptId }, body }),
      certificates: () => call('listMyCertificates'),
      certificate: (id: string) => call('getMyCertificate', { params: { id } }),
      /** Public: no session needed; a 401 never redirects. */
      verify: (code: string) => call('verifyCertificate', { params: { code }, on401: 'throw' }),
      /** Where the browser downloads a worker's learning records (CSV). */
      recordsUrl: (userId: string) => resolveOperation('exportLearningRecords', { params: { id: userId } }).path,
    },
    audit: {
      list: (query: Query<'listAuditLog'> = {}) => call('listAuditLog', { query }),
      /**
       * Where the browser downloads the filtered log as CSV (a link, not a fetch: the file is
       * streamed to disk). The server records the export.
       */
      exportUrl: (query: Query<'exportAuditLog'> = {}) => {
        const resolved = resolveOperation('exportAuditLog', { query });
        return urlWithQuery(resolved.path, resolved.query);
      },
    },
    lives: {
      list: (query: Query<'listLives'> = {}) => call('listLives', { query }),
      get: (id: string) => call('getLive', { params: { id } }),
      /** The publish address and key: shown this once (the key is stored hashed). */
      create: (body: Body<'createLive'>) => call('createLive', { body }),
      /** A new key (shown once); the old one stops working and its encoder is dropped. */
      rotateKey: (id: string) => call('rotateLiveKey', { params: { id } }),
      revokeKey: (id: string) => call('revokeLiveKey', { params: { id } }),
      end: (id: string) => call('endLive', { params: { id } }),
      /** Fresh signed links to watch; 409 LIVE_NOT_LIVE when it is not on air. */
      play: (id: string) => call('playLive', { params: { id } }),
    },
    cameras: {
      list: (query: Query<'listCameras'> = {}) => call('listCameras', { query }),
      get: (id: string) => call('getCamera', { params: { id } }),
      /** The credentials go to the server once and are never shown again. */
      create: (body: Body<'createCamera'>) => call('createCamera', { body }),
      update: (id: string, body: Body<'updateCamera'>) => call('updateCamera', { params: { id }, body }),
      remove: (id: string) => call('deleteCamera', { params: { id } }),
      check: (id: string) => call('checkCamera', { params: { id } }),
      record: (id: string, body: Body<'recordCamera'> = {}) => call('recordCamera', { params: { id }, body }),
      play: (id: string) => call('playCamera', { params: { id } }),
    },
  };
}

/** The list exports: each takes its list's filters and a `format`. */
export type ExportOperation = 'exportMeetings' | 'exportMissingMeetings' | 'exportProgrammeDashboard';

/**
 * Where the browser downloads a list as CSV or Excel: a link, not a fetch, so the streamed file
 * goes to disk with the session cookie. The server records the export.
 */
export function exportUrl<K extends ExportOperation>(operation: K, query: Query<K>): string {
  const resolved = resolveOperation(operation, { query } as OperationArgs<K>);
  return urlWithQuery(resolved.path, resolved.query);
}

/** The API for event handlers and components. */
export const api = apiFor();

export type Api = ReturnType<typeof apiFor>;
