export type { Actor, EnterpriseScope } from './access/actor.ts';
export { EnterpriseAccess, type EnterpriseLocator } from './access/enterprise-access.ts';
export { canManageEnterprise, enterpriseScopeOf, meetingScopeOf, requireRole, scopeIncludes } from './access/scope.ts';
export { enterpriseFor, rosterViewOf, teamFor, userInListFor, type RosterMember } from './access/personal-data.ts';
export { maskIdNumber, maskNumber, maskPhone } from './privacy/mask.ts';
export { ADMINISTRATOR_ROLES, isAdministratorRole, mayAssignRole, requireAuditAdmin, requireSecurityAdmin } from './access/duties.ts';
export type { AuditChainReport, AuditEvent, AuditOutcome, AuditRepository } from './audit/audit.port.ts';
export { AuditService } from './audit/audit.service.ts';
export { AuditRetentionService, MIN_AUDIT_RETENTION_DAYS } from './audit/audit-retention.ts';
export * from './audit/audit-chain.ts';
export { changedFields, maskPersonal, type FieldChange } from './audit/changed-fields.ts';
export type { AuthRepository, LoginCandidate, StoredApiToken, StoredSession } from './auth/auth.port.ts';
export { AuthService, type AuthPolicy, type LoginResult, type RequestContext } from './auth/auth.service.ts';
export { hashPassword, hashSecret, newSecret, verifyPassword } from './auth/secrets.ts';
export type * from './auth/mfa.port.ts';
export { MFA_ISSUER, MfaService, type MfaProof } from './auth/mfa.service.ts';
export * from './auth/password-policy.ts';
export type * from './auth/password.port.ts';
export { PasswordService } from './auth/password.service.ts';
export {
  isPrivilegedRole,
  pendingStepError,
  pendingStepOf,
  startsMfaPending,
  type PasswordAgeRules,
  type PendingStep,
  type SessionFacts,
} from './auth/session-step.ts';
export { SecretBox, SecretBoxError } from './crypto/secret-box.ts';
export { AccountLockService, type AccountNames } from './auth/account-lock.service.ts';
export * from './auth/login-delay.ts';
export type * from './auth/login-throttle.port.ts';
export { LoginThrottle } from './auth/login-throttle.ts';
export { sourceOf } from './auth/login-source.ts';
export type * from './auth/session.port.ts';
export { accountDeactivatedError, sessionEndedError } from './auth/session-end.ts';
export { SessionService, type OwnSession, type SessionPolicy } from './auth/session.service.ts';
export * from './errors/index.ts';
export { clockFromMinutes, minutesFromClock } from './org/clock.ts';
export { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, organisationCodeCheckCharacter } from './org/credit-code.ts';
export { EnterpriseService } from './org/enterprise.service.ts';
export type * from './org/org.port.ts';
export { ShiftService, shiftRecordOf } from './org/shift.service.ts';
export { TeamService } from './org/team.service.ts';
export { UserService } from './org/user.service.ts';
export { ZoneService } from './org/zone.service.ts';
export type { JobContext, JobHandlers, JobName, JobPayloads, JobQueue } from './jobs/jobs.ts';
export type { Logger } from './logging/logger.port.ts';
export { MediaProcessingService } from './media/media-processing.service.ts';
export type * from './media/media.port.ts';
export type * from './media/media-failure.ts';
export type * from './media/media-store.port.ts';
export type * from './media/media-processor.port.ts';
export { MediaService, type DeliveryPolicy } from './media/media.service.ts';
export * from './media/storage-keys.ts';
export {
  signStreamToken,
  streamTokenKey,
  verifyStreamToken,
  type LinkHolder,
  type LinkHolderCheck,
  type StreamGrant,
} from './media/stream-token.ts';
export { checkUploadRequest, expectedPartSize, formatBytes, partCount, type UploadLimits } from './media/upload-policy.ts';
export { UploadService, type FileSniffer, type UploadPolicy } from './media/upload.service.ts';
export { StagedMedia, type StagedMediaPolicy, type StagedMediaRepository, type StagedCandidate } from './media/staged-media.ts';
export { uploadQuotaBreach, type OpenUploads, type UploadQuota, type UploadQuotaBreach } from './media/upload-quota.ts';
export type { EventPublisher, EventSubscriber } from './events/event.port.ts';
export { canSeeEvent } from './events/event-scope.ts';
export type * from './meetings/meeting.port.ts';
export { MeetingService } from './meetings/meeting.service.ts';
export * from './meetings/shift-window.ts';
export type * from './compliance/evidence-counts.port.ts';
export * from './compliance/photo-reuse.ts';
export * from './compliance/evidence-rules.ts';
export type * from './compliance/evidence-check.port.ts';
export { EvidenceCheckService } from './compliance/evidence-checks.service.ts';
export * from './reminders/index.ts';
export type * from './compliance/due-meeting.port.ts';
export * from './compliance/due-meetings.ts';
export * from './compliance/timeliness.ts';
export { ReviewService } from './compliance/review.service.ts';
export { mayViewShowcase, ShowcaseService } from './compliance/showcase.service.ts';
export type * from './library/library.port.ts';
export { LibraryService, type LibraryMediaReader, type ShowcaseLister } from './library/library.service.ts';
export { CalendarService, type CalendarRepository } from './compliance/calendar.service.ts';
export { ComplianceService, type ComplianceSettings, type ReportFacts } from './compliance/compliance.service.ts';
export type * from './exports/export.port.ts';
export * from './exports/table.ts';
export * from './exports/labels.zh-CN.ts';
export { evidenceReport } from './exports/evidence-report.ts';
export { EvidenceReportService, reportPeriod } from './exports/evidence-report.service.ts';
export { ExportService } from './exports/export.service.ts';
export type * from './training/course.port.ts';
export { COURSE_READERS, CourseService } from './training/course.service.ts';
export { LessonService } from './training/lesson.service.ts';
export { QuizBankService } from './training/quiz-bank.service.ts';
export { lessonSecondsOf, MEDIA_KIND_OF_LESSON } from './training/course-rules.ts';
export type { MediaReader } from './training/lesson-view.ts';
export type * from './training/programme.port.ts';
export { ProgrammeService } from './training/programme.service.ts';
export * from './training/programme-rules.ts';
export type * from './training/workers.port.ts';
export { WorkerService } from './training/workers.service.ts';
export { WorkerEnrolmentService } from './training/worker-enrolment.service.ts';
export * from './training/worker-rows.ts';
export * from './training/id-number.ts';
export { workerFor, workerViewOf } from './access/worker-data.ts';
export * from './training/watch-ranges.ts';
export * from './training/heartbeat-rules.ts';
export * from './training/quiz-grading.ts';
export type {
  CourseProgressRecord,
  LearningRecordRow,
  LearningRepository,
  StoredViewing,
  ViewingUpdate,
} from './training/learning.port.ts';
export { DEFAULT_LEARNING_POLICY, type LearningPolicy } from './training/learning-policy.ts';
export { CertificateIssuer, certificateStatus, maskName, verificationCode } from './training/certificates.ts';
export { HeartbeatService, decideViewing, type ViewingOutcome } from './training/heartbeat.service.ts';
export { LearningService } from './training/learning.service.ts';
export { QuizService } from './training/quiz.service.ts';
export { MicroBatcher } from './training/micro-batcher.ts';
export * from './live/stream-key.ts';
export * from './live/rtsp-url.ts';
export * from './live/ingest/index.ts';
export type * from './live/live.port.ts';
export { LiveService, LIVE_VIEWERS, type LivePolicy, type LiveSourcePath } from './live/live.service.ts';
export { CameraService } from './live/camera.service.ts';
export { LiveLinks, liveFileOf, type LiveFile } from './live/live-links.ts';
export { liveStreamOf, cameraOf } from './live/live-view.ts';
