// Method and path of every API operation, keyed by operationId. Plain data with no imports, so
// the web app can import it at run time (`@platform/contracts/endpoints`) without pulling zod into
// the browser bundle; the schemas of each operation live in `routes.ts`, which must list exactly
// these keys. Paths use Fastify's syntax (`:id`, a trailing `*`); OpenAPI shows them as `{id}`.

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where one operation lives: its method and path template. */
export interface Endpoint {
  method: HttpMethod;
  path: `/api/${string}`;
}

/**
 * Every operation of the API. The API registers its routes from this table (through `routes`)
 * and the web client builds its URLs from it, so a path changes in one place only.
 */
export const endpoints = {
  getHealth: { method: 'GET', path: '/api/health' },
  getHealthLive: { method: 'GET', path: '/api/health/live' },
  getHealthReady: { method: 'GET', path: '/api/health/ready' },

  login: { method: 'POST', path: '/api/auth/login' },
  logout: { method: 'POST', path: '/api/auth/logout' },
  getMe: { method: 'GET', path: '/api/auth/me' },
  changePassword: { method: 'POST', path: '/api/auth/password' },
  startMfaEnrolment: { method: 'POST', path: '/api/auth/mfa/enrolment' },
  activateMfa: { method: 'POST', path: '/api/auth/mfa/activate' },
  verifyMfa: { method: 'POST', path: '/api/auth/mfa/verify' },
  listOwnSessions: { method: 'GET', path: '/api/auth/sessions' },
  signOutOwnSession: { method: 'DELETE', path: '/api/auth/sessions/:id' },

  listZones: { method: 'GET', path: '/api/zones' },
  createZone: { method: 'POST', path: '/api/zones' },
  updateZone: { method: 'PUT', path: '/api/zones/:id' },
  listIndustries: { method: 'GET', path: '/api/industries' },
  listEnterprises: { method: 'GET', path: '/api/enterprises' },
  getEnterprise: { method: 'GET', path: '/api/enterprises/:id' },
  createEnterprise: { method: 'POST', path: '/api/enterprises' },
  updateEnterprise: { method: 'PUT', path: '/api/enterprises/:id' },

  listTeams: { method: 'GET', path: '/api/enterprises/:id/teams' },
  createTeam: { method: 'POST', path: '/api/enterprises/:id/teams' },
  getTeam: { method: 'GET', path: '/api/teams/:id' },
  updateTeam: { method: 'PUT', path: '/api/teams/:id' },
  listShifts: { method: 'GET', path: '/api/enterprises/:id/shifts' },
  createShift: { method: 'POST', path: '/api/enterprises/:id/shifts' },
  updateShift: { method: 'PUT', path: '/api/shifts/:id' },

  listUsers: { method: 'GET', path: '/api/users' },
  getUser: { method: 'GET', path: '/api/users/:id' },
  createUser: { method: 'POST', path: '/api/users' },
  updateUser: { method: 'PATCH', path: '/api/users/:id' },
  resetUserMfa: { method: 'POST', path: '/api/users/:id/mfa/reset' },
  revokeUserSessions: { method: 'POST', path: '/api/users/:id/sessions/revoke' },
  getUserLocks: { method: 'GET', path: '/api/users/:id/locks' },
  unlockUser: { method: 'POST', path: '/api/users/:id/unlock' },
  listAuditLog: { method: 'GET', path: '/api/audit' },
  exportAuditLog: { method: 'GET', path: '/api/audit/export' },

  createUpload: { method: 'POST', path: '/api/uploads' },
  getUpload: { method: 'GET', path: '/api/uploads/:id' },
  completeUpload: { method: 'POST', path: '/api/uploads/:id/complete' },
  abortUpload: { method: 'DELETE', path: '/api/uploads/:id' },
  uploadPart: { method: 'PUT', path: '/api/uploads/:id/parts/:partNumber' },

  getMedia: { method: 'GET', path: '/api/media/:id' },
  streamMediaFile: { method: 'GET', path: '/api/media/:id/stream/:token/*' },

  listLives: { method: 'GET', path: '/api/live' },
  createLive: { method: 'POST', path: '/api/live' },
  getLive: { method: 'GET', path: '/api/live/:id' },
  rotateLiveKey: { method: 'POST', path: '/api/live/:id/rotate-key' },
  revokeLiveKey: { method: 'POST', path: '/api/live/:id/revoke' },
  endLive: { method: 'POST', path: '/api/live/:id/end' },
  playLive: { method: 'GET', path: '/api/live/:id/play' },
  streamLiveFile: { method: 'GET', path: '/api/live-media/:id/:token/*' },
  listCameras: { method: 'GET', path: '/api/cameras' },
  createCamera: { method: 'POST', path: '/api/cameras' },
  getCamera: { method: 'GET', path: '/api/cameras/:id' },
  updateCamera: { method: 'PATCH', path: '/api/cameras/:id' },
  deleteCamera: { method: 'DELETE', path: '/api/cameras/:id' },
  checkCamera: { method: 'POST', path: '/api/cameras/:id/check' },
  recordCamera: { method: 'POST', path: '/api/cameras/:id/record' },
  playCamera: { method: 'GET', path: '/api/cameras/:id/play' },

  reportMeeting: { method: 'POST', path: '/api/meetings' },
  updateMeeting: { method: 'PUT', path: '/api/meetings/:id' },
  getMeeting: { method: 'GET', path: '/api/meetings/:id' },
  listMeetings: { method: 'GET', path: '/api/meetings' },
  getBoard: { method: 'GET', path: '/api/enterprises/:id/board' },
  getWallStats: { method: 'GET', path: '/api/wall/stats' },
  reviewMeeting: { method: 'POST', path: '/api/meetings/:id/reviews' },
  respondToCorrection: { method: 'POST', path: '/api/meetings/:id/response' },
  removeMedia: { method: 'DELETE', path: '/api/media/:id' },
  listMissingMeetings: { method: 'GET', path: '/api/compliance/missing' },
  getComplianceDashboard: { method: 'GET', path: '/api/compliance/dashboard' },
  listShowcase: { method: 'GET', path: '/api/showcase' },
  listCalendarDays: { method: 'GET', path: '/api/enterprises/:id/calendar' },
  setCalendarDay: { method: 'PUT', path: '/api/enterprises/:id/calendar/:date' },
  clearCalendarDay: { method: 'DELETE', path: '/api/enterprises/:id/calendar/:date' },
  getShowcaseMeeting: { method: 'GET', path: '/api/showcase/:id' },
  exportMeetings: { method: 'GET', path: '/api/meetings/export' },
  exportMissingMeetings: { method: 'GET', path: '/api/compliance/missing/export' },
  getEvidenceReport: { method: 'GET', path: '/api/enterprises/:id/evidence-report' },
  getEvidenceReportPdf: { method: 'GET', path: '/api/enterprises/:id/evidence-report.pdf' },

  streamEvents: { method: 'GET', path: '/api/events' },

  listWebhooks: { method: 'GET', path: '/api/enterprises/:id/webhooks' },
  createWebhook: { method: 'POST', path: '/api/enterprises/:id/webhooks' },
  updateWebhook: { method: 'PATCH', path: '/api/webhooks/:id' },
  deleteWebhook: { method: 'DELETE', path: '/api/webhooks/:id' },
  testWebhook: { method: 'POST', path: '/api/webhooks/:id/test' },
  listNotifications: { method: 'GET', path: '/api/notifications' },
  markNotificationRead: { method: 'POST', path: '/api/notifications/:id/read' },
  markAllNotificationsRead: { method: 'POST', path: '/api/notifications/read' },

  listWorkers: { method: 'GET', path: '/api/enterprise/workers' },
  createWorker: { method: 'POST', path: '/api/enterprise/workers' },
  importWorkers: { method: 'POST', path: '/api/enterprise/workers/import' },
  getWorkerImportTemplate: { method: 'GET', path: '/api/enterprise/workers/template' },
  getWorker: { method: 'GET', path: '/api/enterprise/workers/:id' },
  updateWorker: { method: 'PATCH', path: '/api/enterprise/workers/:id' },
  resetWorkerPassword: { method: 'POST', path: '/api/enterprise/workers/:id/password' },
  listEnrolmentCourses: { method: 'GET', path: '/api/training/enrolment-courses' },
  listEnrolments: { method: 'GET', path: '/api/training/enrolments' },
  enrolWorkers: { method: 'POST', path: '/api/training/enrolments' },
  deleteEnrolment: { method: 'DELETE', path: '/api/training/enrolments/:id' },

  listCourses: { method: 'GET', path: '/api/training/courses' },
  createCourse: { method: 'POST', path: '/api/training/courses' },
  getCourse: { method: 'GET', path: '/api/training/courses/:id' },
  updateCourse: { method: 'PUT', path: '/api/training/courses/:id' },
  createLesson: { method: 'POST', path: '/api/training/courses/:id/lessons' },
  reorderLessons: { method: 'PUT', path: '/api/training/courses/:id/lessons/order' },
  updateLesson: { method: 'PUT', path: '/api/training/lessons/:id' },
  deleteLesson: { method: 'DELETE', path: '/api/training/lessons/:id' },
  setQuiz: { method: 'PUT', path: '/api/training/courses/:id/quiz' },
  deleteQuiz: { method: 'DELETE', path: '/api/training/courses/:id/quiz' },
  createQuestion: { method: 'POST', path: '/api/training/courses/:id/questions' },
  updateQuestion: { method: 'PUT', path: '/api/training/questions/:id' },
  deleteQuestion: { method: 'DELETE', path: '/api/training/questions/:id' },

  listMyCourses: { method: 'GET', path: '/api/learn/courses' },
  getMyCourse: { method: 'GET', path: '/api/learn/courses/:id' },
  getMyLesson: { method: 'GET', path: '/api/learn/lessons/:id' },
  startViewing: { method: 'POST', path: '/api/learn/lessons/:id/viewings' },
  markLessonRead: { method: 'POST', path: '/api/learn/lessons/:id/read' },
  sendHeartbeats: { method: 'POST', path: '/api/learn/viewings/:id/heartbeats' },
  answerPresenceCheck: { method: 'POST', path: '/api/learn/viewings/:id/checks/:checkId' },
  startQuizAttempt: { method: 'POST', path: '/api/learn/courses/:id/attempts' },
  submitQuizAttempt: { method: 'POST', path: '/api/learn/attempts/:id' },
  listMyCertificates: { method: 'GET', path: '/api/learn/certificates' },
  getMyCertificate: { method: 'GET', path: '/api/learn/certificates/:id' },
  exportLearningRecords: { method: 'GET', path: '/api/learn/records/:id' },
  verifyCertificate: { method: 'GET', path: '/api/verify/:code' },

  getProgramme: { method: 'GET', path: '/api/training/programme' },
  updateProgramme: { method: 'PUT', path: '/api/training/programme' },
  getProgrammeDashboard: { method: 'GET', path: '/api/training/programme/dashboard' },
  exportProgrammeDashboard: { method: 'GET', path: '/api/training/programme/dashboard/export' },
  listProgrammeEnterprises: { method: 'GET', path: '/api/training/programme/enterprises' },
  listProgrammeCandidates: { method: 'GET', path: '/api/training/programme/candidates' },
  enrolProgrammeEnterprises: { method: 'POST', path: '/api/training/programme/enterprises' },
  setProgrammeEnterpriseTier: { method: 'PUT', path: '/api/training/programme/enterprises/:id' },
  removeProgrammeEnterprise: { method: 'DELETE', path: '/api/training/programme/enterprises/:id' },

  listLibrary: { method: 'GET', path: '/api/library' },
  createLibraryResource: { method: 'POST', path: '/api/library' },
  getLibraryShowcase: { method: 'GET', path: '/api/library/showcase' },
  getLibraryResource: { method: 'GET', path: '/api/library/:id' },
  updateLibraryResource: { method: 'PATCH', path: '/api/library/:id' },
  publishLibraryResource: { method: 'POST', path: '/api/library/:id/publish' },
  unpublishLibraryResource: { method: 'POST', path: '/api/library/:id/unpublish' },
  deleteLibraryResource: { method: 'DELETE', path: '/api/library/:id' },
} as const satisfies Record<string, Endpoint>;

/** The name of one API operation: its OpenAPI operationId. */
export type OperationId = keyof typeof endpoints;

/**
 * Names of the params in a path template: `'/api/teams/:id'` → `'id'`, a trailing `*` → `'*'`.
 * Lets the web client require exactly the params a path has.
 */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : P extends `${string}/*`
      ? '*'
      : never;

/**
 * `path` with each `:name` (and a trailing `*`) replaced by its param, URI-encoded. Throws when a
 * param is missing, which the types already prevent for typed callers.
 */
export function fillPath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)|\*$/g, (match, name: string | undefined) => {
    const value = params[name ?? '*'];
    if (value === undefined) throw new Error(`path ${path} needs param ${name ?? '*'}`);
    // A wildcard may span segments, so its slashes stay.
    return name === undefined ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}
