import type { LessonView, MyCourse, MyCourseDetail, StartViewingBody, Viewing } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ConflictError, NotFoundError } from '../errors/index.ts';
import type { ExportTable } from '../exports/table.ts';
import { beijingTime } from '../exports/table.ts';
import type { MediaService } from '../media/media.service.ts';
import type { CertificateIssuer } from './certificates.ts';
import { advanceEnrolment } from './completion.ts';
import { coverageOf, myCourseDetailOf, myCourseOf } from './course-view.ts';
import { drawCheckMarks, firstUnanswered } from './heartbeat-rules.ts';
import type { LearningRecordRow, LearningRepository } from './learning.port.ts';
import type { LearningPolicy } from './learning-policy.ts';
import { coveredSeconds } from './watch-ranges.ts';

const RECORD_KINDS: Record<LearningRecordRow['kind'], string> = {
  ENROLMENT: '选课',
  VIEWING: '开始学习',
  HEARTBEAT: '学习心跳',
  PRESENCE_CHECK: '在学确认',
  QUIZ_ATTEMPT: '测验',
  CERTIFICATE: '证书',
};

/**
 * A learner's own courses and lessons: what they are enrolled in, where they stopped, viewings
 * (one live device at a time) with presence checks, reading lessons, and the learning records
 * the bureau keeps. Heartbeats are HeartbeatService's, quizzes QuizService's.
 */
export class LearningService {
  constructor(
    private readonly repo: LearningRepository,
    private readonly media: MediaService,
    private readonly certificates: CertificateIssuer,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly policy: LearningPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async listCourses(actor: Actor): Promise<MyCourse[]> {
    if (!actor.userId) return [];
    return (await this.repo.listCourseProgress(actor.userId)).map(myCourseOf);
  }

  async getCourse(actor: Actor, courseId: string): Promise<MyCourseDetail> {
    const record = actor.userId ? await this.repo.findCourseProgress(actor.userId, courseId) : null;
    if (!record) throw new NotFoundError('course', courseId);
    return myCourseDetailOf(record);
  }

  async getLesson(actor: Actor, lessonId: string): Promise<LessonView> {
    const found = await this.#lessonOf(actor, lessonId);
    const { lesson, progress } = found;
    const lessons = await this.repo.lessonsOfCourse(lesson.courseId);
    const next = lessons.find((l) => l.position > lesson.position);
    return {
      id: lesson.id,
      courseId: lesson.courseId,
      courseTitle: lesson.courseTitle,
      position: lesson.position,
      title: lesson.title,
      kind: lesson.kind,
      body: lesson.body,
      required: lesson.required,
      durationSeconds: lesson.durationSeconds,
      requiredCoverage: lesson.requiredCoverage,
      media: lesson.mediaAssetId ? await this.media.get(actor, lesson.mediaAssetId) : null,
      watchedRanges: (progress?.watchedRanges ?? []).map(([a, b]) => [a, b] as [number, number]),
      coverage: Math.round(coverageOf(lesson, progress ?? undefined) * 1000) / 1000,
      completed: Boolean(progress?.completedAt),
      lastPosition: progress?.lastPosition ?? 0,
      nextLessonId: next?.id ?? null,
      readingSeconds: this.policy.readingSeconds,
      maxPlaybackRate: this.policy.maxPlaybackRate,
    };
  }

  /**
   * Starts a viewing on this device. While another device is playing (heard from within
   * `liveViewingSeconds`), the learner must choose to take over, which stops the other one
   * counting: one person, one screen (no 代学 on a second phone).
   *
   * `waitedMs` is how long the request has already waited in the server (auth, a busy database
   * pool) before this call. The viewing starts when the request arrived: the device's `clientNow`
   * is its clock when it sent the request, and heartbeats may not claim more device time since then
   * than the server has seen since (plus the tolerance), so a start answered slowly under load must
   * not shorten the server's side.
   */
  async startViewing(actor: Actor, lessonId: string, input: StartViewingBody, userAgent: string, waitedMs = 0): Promise<Viewing> {
    const arrivedAt = new Date(this.now().getTime() - Math.max(0, waitedMs));
    const { lesson, enrolment, progress } = await this.#lessonOf(actor, lessonId);
    if (lesson.kind === 'VIDEO' && lesson.durationSeconds <= 0) {
      throw new ConflictError('LESSON_NOT_READY', 'The lesson video is still being processed; try again in a minute.');
    }
    const now = this.now();
    const live = await this.repo.liveViewings(enrolment.userId, new Date(now.getTime() - this.policy.liveViewingSeconds * 1000));
    const elsewhere = live.filter((v) => v.deviceId !== input.deviceId);
    if (elsewhere.length && !input.takeOver) {
      throw new ConflictError('ANOTHER_DEVICE_PLAYING', 'Another device is playing a lesson for this learner right now.');
    }
    if (elsewhere.length) {
      await this.audit.record({
        actor,
        action: 'learning.takeover',
        entityType: 'lesson',
        entityId: lessonId,
        entityLabel: lesson.title,
        enterpriseId: enrolment.enterpriseId,
        outcome: 'SUCCESS',
        details: { endedViewings: elsewhere.map((v) => v.id) },
      });
    }
    const watched = coveredSeconds(progress?.watchedRanges ?? []);
    const toWatch = Math.max(0, lesson.durationSeconds * lesson.requiredCoverage - watched);
    // A lesson already complete is re-watched freely; checks guard what still counts.
    const checkAt = lesson.kind === 'VIDEO' && !progress?.completedAt ? drawCheckMarks(lesson.presenceChecks, toWatch) : [];
    const viewing = await this.repo.startViewing({
      userId: enrolment.userId,
      lessonId,
      enrolmentId: enrolment.id,
      deviceId: input.deviceId,
      userAgent: userAgent.slice(0, 300),
      clientStartedAt: new Date(input.clientNow),
      startedAt: arrivedAt,
      checkAt,
      now,
    });
    if (enrolment.status === 'ENROLLED') await this.repo.setEnrolmentStatus(enrolment.id, 'IN_PROGRESS', null);
    return {
      sessionId: viewing.id,
      rules: { maxPlaybackRate: this.policy.maxPlaybackRate, heartbeatSeconds: this.policy.heartbeatSeconds },
      nextCheckIn: checkAt[0] ?? null,
    };
  }

  /** A document or poster lesson counts as read once it has been open for the reading time. */
  async markRead(actor: Actor, lessonId: string, viewingId: string) {
    const { lesson, enrolment } = await this.#lessonOf(actor, lessonId);
    if (lesson.kind === 'VIDEO') throw new ConflictError('LESSON_NOT_FOR_READING', 'Video lessons are completed by watching them.');
    const viewing = await this.repo.findViewing(viewingId);
    if (!viewing || viewing.userId !== enrolment.userId || viewing.lessonId !== lessonId) throw new NotFoundError('viewing', viewingId);
    const now = this.now();
    const openSeconds = (now.getTime() - viewing.startedAt.getTime()) / 1000;
    if (openSeconds < this.policy.readingSeconds) {
      throw new ConflictError('READING_TOO_SHORT', `The lesson was open for ${Math.floor(openSeconds)} s only.`, {
        params: { seconds: this.policy.readingSeconds },
      });
    }
    await this.repo.completeReading(enrolment.id, lessonId, now);
    const { completed } = await advanceEnrolment(this.repo, this.certificates, enrolment.userId, lesson.courseId, now, actor);
    return { watchedRanges: [], watchedSeconds: 0, coverage: 1, completed: true, courseCompleted: completed };
  }

  /** Answers a presence check: the tapped number must be the one asked; counting then resumes. */
  async answerCheck(actor: Actor, viewingId: string, checkId: string, answer: string): Promise<{ nextCheckIn: number | null }> {
    const viewing = await this.repo.findViewing(viewingId);
    if (!viewing || viewing.userId !== actor.userId) throw new NotFoundError('viewing', viewingId);
    const check = await this.repo.findCheck(viewingId, checkId);
    if (!check) throw new NotFoundError('presenceCheck', checkId);
    if (viewing.endedAt) throw new ConflictError('VIEWING_ENDED', 'This viewing was taken over by another device.');
    if (!check.answeredAt) {
      if (answer !== check.challenge) throw new ConflictError('PRESENCE_CHECK_WRONG', 'That is not the number the check asked for.');
      await this.repo.answerCheck(check.id, this.now());
    }
    const answered = [...viewing.answered, check.atSecond];
    const mark = firstUnanswered({ checkAt: viewing.checkAt, answered });
    return { nextCheckIn: mark === null ? null : Math.max(0, mark - viewing.playedSeconds) };
  }

  /**
   * A worker's learning records as a table: for the worker, the enterprise's officers and those
   * who supervise it (zone officer, inspectors, administrators). Audited.
   */
  async records(actor: Actor, userId: string): Promise<ExportTable> {
    const learner = await this.repo.findLearner(userId);
    if (!learner) throw new NotFoundError('user', userId);
    if (actor.userId !== userId) {
      if (!learner.enterpriseId || actor.role === 'WORKER' || actor.role === 'COMMAND_OPERATOR') throw new NotFoundError('user', userId);
      await this.access.assertCanRead(actor, learner.enterpriseId, { entityType: 'user', entityId: userId });
    }
    await this.audit.record({
      actor,
      action: 'learning.export',
      entityType: 'user',
      entityId: userId,
      entityLabel: learner.displayName,
      enterpriseId: learner.enterpriseId,
      outcome: 'SUCCESS',
    });
    const rows = this.repo.learningRecords(userId);
    return {
      fileName: `学习记录-${learner.displayName}`,
      sheetName: '学习记录',
      columns: ['时间', '课程', '课时', '类型', '详情'],
      rows: (async function* () {
        for await (const row of rows) yield [beijingTime(row.at), row.course, row.lesson, RECORD_KINDS[row.kind], row.detail];
      })(),
    };
  }

  async #lessonOf(actor: Actor, lessonId: string) {
    const found = actor.userId ? await this.repo.findLessonForLearner(actor.userId, lessonId) : null;
    if (!found) throw new NotFoundError('lesson', lessonId);
    return found;
  }
}
