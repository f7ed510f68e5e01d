import type { PrismaClient } from '../generated/prisma/client.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createAuthRepository } from './auth.repository.ts';
import { createCalendarRepository } from './calendar.repository.ts';
import { createCameraRepository } from './camera.repository.ts';
import { createComplianceStatsRepository } from './compliance-stats.repository.ts';
import { createCourseRepository } from './course.repository.ts';
import { createDueMeetingRepository } from './due-meeting.repository.ts';
import { createEnterpriseRepository } from './enterprise.repository.ts';
import { createEvidenceCheckRepository } from './evidence-check.repository.ts';
import { createEvidenceCounts } from './evidence-counts.repository.ts';
import { createEvidenceReportRepository } from './evidence-report.repository.ts';
import { createExportRepository } from './export.repository.ts';
import { createLearningRepository } from './learning.repository.ts';
import { createLibraryRepository } from './library.repository.ts';
import { createLiveRepository } from './live.repository.ts';
import { createLiveIngestRepository } from './live-ingest.repository.ts';
import { createLoginThrottleRepository } from './login-throttle.repository.ts';
import { createMediaRepository } from './media.repository.ts';
import { createMeetingRepository } from './meeting.repository.ts';
import { createMfaRepository } from './mfa.repository.ts';
import { createNotificationRepository } from './notification.repository.ts';
import { createPasswordRepository } from './password.repository.ts';
import { createProgrammeRepository } from './programme.repository.ts';
import { createReminderRepository } from './reminder.repository.ts';
import { createSessionRepository } from './session.repository.ts';
import { createStagedMediaRepository } from './staged-media.repository.ts';
import { createShiftRepository } from './shift.repository.ts';
import { createTeamRepository } from './team.repository.ts';
import { createUserRepository } from './user.repository.ts';
import { createWorkerEnrolmentRepository } from './worker-enrolment.repository.ts';
import { createWorkerRepository } from './worker.repository.ts';
import { createWebhookRepository } from './webhook.repository.ts';
import { createIndustryRepository, createZoneRepository } from './zone.repository.ts';

/** Every repository over one Prisma client. */
export function createRepositories(prisma: PrismaClient) {
  return {
    audit: createAuditRepository(prisma),
    auth: createAuthRepository(prisma),
    calendar: createCalendarRepository(prisma),
    cameras: createCameraRepository(prisma),
    complianceStats: createComplianceStatsRepository(prisma),
    courses: createCourseRepository(prisma),
    dueMeetings: createDueMeetingRepository(prisma),
    enterprises: createEnterpriseRepository(prisma),
    evidenceChecks: createEvidenceCheckRepository(prisma),
    evidenceCounts: createEvidenceCounts(prisma),
    evidenceReports: createEvidenceReportRepository(prisma),
    exports: createExportRepository(prisma),
    industries: createIndustryRepository(prisma),
    learning: createLearningRepository(prisma),
    library: createLibraryRepository(prisma),
    lives: createLiveRepository(prisma),
    liveIngest: createLiveIngestRepository(prisma),
    loginThrottles: createLoginThrottleRepository(prisma),
    media: createMediaRepository(prisma),
    meetings: createMeetingRepository(prisma),
    mfa: createMfaRepository(prisma),
    notifications: createNotificationRepository(prisma),
    passwords: createPasswordRepository(prisma),
    programmes: createProgrammeRepository(prisma),
    reminders: createReminderRepository(prisma),
    sessions: createSessionRepository(prisma),
    shifts: createShiftRepository(prisma),
    stagedMedia: createStagedMediaRepository(prisma),
    teams: createTeamRepository(prisma),
    users: createUserRepository(prisma),
    workers: createWorkerRepository(prisma),
    workerEnrolments: createWorkerEnrolmentRepository(prisma),
    webhooks: createWebhookRepository(prisma),
    zones: createZoneRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
