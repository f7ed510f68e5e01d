import {
  AccountLockService,
  CertificateIssuer,
  DEFAULT_LEARNING_POLICY,
  HeartbeatService,
  LearningService,
  QuizService,
  AuditService,
  AuthService,
  EnterpriseService,
  EvidenceReportService,
  ExportService,
  LoginThrottle,
  MediaService,
  MeetingService,
  MfaService,
  NotificationService,
  PasswordService,
  ProgrammeService,
  ReviewService,
  CalendarService,
  CameraService,
  LiveLinks,
  LiveService,
  CourseService,
  LessonService,
  QuizBankService,
  ShowcaseService,
  LibraryService,
  SecretBox,
  SessionService,
  ShiftService,
  TeamService,
  UserService,
  WorkerEnrolmentService,
  WorkerService,
  WebhookService,
  ZoneService,
} from '@platform/core';
import type { Repositories } from '@platform/db';
import type { FastifyBaseLogger } from 'fastify';
import { DEMO_USERS } from '@platform/seeds';
import type { ApiConfig } from './config.ts';
import { createSheetReader } from './imports/sheet-reader.ts';
import type { IngestEndpoint } from './live/ingest-endpoint.ts';
import { IngestClient } from './live/ingest-client.ts';
import { cachedLinkHolderCheck } from './link-holder-check.ts';
import { cachedSessionResolver, SESSION_CACHE_MS } from './session-cache.ts';
import type { MediaRuntime } from './media-runtime.ts';

/**
 * Every domain service, wired over the repositories. Built once per process; the enterprise gate
 * and the upload service come from the media runtime, which the worker shares.
 */
export function createServices(
  repos: Repositories,
  runtime: MediaRuntime,
  config: ApiConfig,
  now: () => Date,
  dataKey: Uint8Array,
  live: { ingest: IngestEndpoint | undefined; log: Pick<FastifyBaseLogger, 'warn'> },
) {
  const { access } = runtime;
  const sessions = new SessionService(repos.sessions, repos.audit, runtime.events, { ...config.sessions, ...config.auth }, now);
  const linkHolders = cachedLinkHolderCheck(sessions, runtime.events, config.sessions.linkCheckSeconds * 1000);
  const media = new MediaService(
    repos.media,
    runtime.mediaStore,
    access,
    repos.audit,
    { signingSecret: runtime.signingSecret, linkTtlSeconds: config.mediaLinkTtlSeconds },
    linkHolders,
    now,
  );
  const throttle = new LoginThrottle(repos.loginThrottles, config.loginThrottle);
  const meetings = new MeetingService(
    repos.meetings,
    media,
    access,
    repos.audit,
    runtime.events,
    runtime.compliance,
    repos.evidenceCounts,
    runtime.staged,
    now,
  );
  const passwords = new PasswordService(repos.passwords, repos.audit, sessions, throttle, now);
  const users = new UserService(repos.users, repos.enterprises, repos.zones, repos.audit, sessions, passwords);
  const learningPolicy = { ...DEFAULT_LEARNING_POLICY, ...config.learning };
  const auth = new AuthService(repos.auth, repos.audit, sessions, throttle, { ...config.auth, passwords: passwordAgeRules(config) }, now);
  const certificates = new CertificateIssuer(repos.learning, repos.audit, learningPolicy, now);
  const ingest = new IngestClient(live.ingest, live.log);
  const liveLinks = new LiveLinks(runtime.signingSecret, config.live.linkTtlSeconds, linkHolders, now);
  const lives = new LiveService(repos.lives, repos.cameras, ingest, liveLinks, access, repos.audit, runtime.events, config.live, now);
  return {
    audit: new AuditService(repos.audit),
    auth,
    // Longer than the heartbeat interval, or every heartbeat would miss; ended sessions go at once by notice.
    cachedSessions: cachedSessionResolver((token) => auth.resolveSession(token), runtime.events, SESSION_CACHE_MS),
    passwords,
    mfa: new MfaService(repos.mfa, new SecretBox(dataKey), repos.audit, sessions, throttle, now),
    accountLocks: new AccountLockService(
      { usernameOf: async (id) => (await repos.users.findById(id))?.username ?? null },
      repos.loginThrottles,
      repos.audit,
      now,
    ),
    sessions,
    uploads: runtime.uploads,
    media,
    meetings,
    reviews: new ReviewService(repos.meetings, meetings, access, repos.audit, runtime.events, repos.evidenceCounts, now),
    compliance: runtime.compliance,
    exports: new ExportService(repos.exports, runtime.compliance, repos.audit, now),
    evidenceReports: new EvidenceReportService(repos.evidenceReports, access, runtime.compliance, repos.audit, now),
    showcase: new ShowcaseService(repos.meetings, media),
    library: new LibraryService(repos.library, media, new ShowcaseService(repos.meetings, media), repos.audit),
    calendar: new CalendarService(repos.calendar, runtime.compliance, access, repos.audit, now),
    zones: new ZoneService(repos.zones, repos.industries, repos.audit),
    enterprises: new EnterpriseService(repos.enterprises, repos.zones, repos.industries, access, repos.audit),
    teams: new TeamService(repos.teams, repos.shifts, access, repos.audit),
    shifts: new ShiftService(repos.shifts, access, repos.audit),
    users,
    webhooks: new WebhookService(repos.webhooks, new SecretBox(dataKey), runtime.robots, access, repos.audit, {
      ...config.reminders,
      enterpriseName: async (id) => (await repos.enterprises.findById(id))?.name ?? '',
    }),
    notifications: new NotificationService(repos.notifications, now),
    workers: new WorkerService(repos.workers, repos.teams, access, repos.audit, users, createSheetReader(), now),
    workerEnrolments: new WorkerEnrolmentService(repos.workerEnrolments, repos.teams, access, repos.audit),
    courses: new CourseService(repos.courses, media, repos.audit),
    lessons: new LessonService(repos.courses, media, repos.audit),
    quizBank: new QuizBankService(repos.courses, repos.audit),
    programmes: new ProgrammeService(repos.programmes, repos.audit, now),
    learning: new LearningService(repos.learning, media, certificates, access, repos.audit, learningPolicy, now),
    heartbeats: new HeartbeatService(repos.learning, certificates, learningPolicy, now),
    quizzes: new QuizService(repos.learning, certificates, repos.audit, now),
    certificates,
    ingest,
    lives,
    cameras: new CameraService(repos.cameras, repos.lives, lives, new SecretBox(dataKey), ingest, liveLinks, access, repos.audit, now),
  };
}

/**
 * Password expiry, with the demo accounts exempt while demo seeding is on: their password is
 * published in the README anyway, and a forced change would lock every reader of it out.
 */
function passwordAgeRules(config: ApiConfig) {
  return {
    passwordMaxAgeDays: config.passwordMaxAgeDays,
    passwordChangeExempt: config.seedDemo ? DEMO_USERS.map((u) => u.username) : [],
  };
}

export type Services = ReturnType<typeof createServices>;
