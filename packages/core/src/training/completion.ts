import type { Actor } from '../access/actor.ts';
import type { CertificateIssuer } from './certificates.ts';
import { courseComplete, requiredLessonsDone } from './course-view.ts';
import type { LearningRepository } from './learning.port.ts';

/**
 * Moves an enrolment on after something was completed (a lesson, the quiz): in progress, or
 * complete with its certificate once every required lesson is complete and the quiz is passed.
 */
export async function advanceEnrolment(
  repo: LearningRepository,
  certificates: CertificateIssuer,
  userId: string,
  courseId: string,
  now: Date,
  actor: Actor,
): Promise<{ completed: boolean; certificateId: string | null }> {
  const record = await repo.findCourseProgress(userId, courseId);
  if (!record) return { completed: false, certificateId: null };
  if (courseComplete(record)) {
    if (record.enrolment.status !== 'COMPLETED') await repo.setEnrolmentStatus(record.enrolment.id, 'COMPLETED', now);
    const certificate = await certificates.issue(record, now, actor);
    return { completed: true, certificateId: certificate.id };
  }
  if (record.enrolment.status === 'ENROLLED' && (record.progress.length > 0 || requiredLessonsDone(record))) {
    await repo.setEnrolmentStatus(record.enrolment.id, 'IN_PROGRESS', null);
  }
  return { completed: false, certificateId: null };
}
