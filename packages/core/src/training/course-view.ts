import type { MyCourse, MyCourseDetail, MyLessonSummary } from '@platform/contracts';
import type { CourseProgressRecord, LessonRecord, ProgressRecord } from './learning.port.ts';
import { coveredSeconds, mergeRanges, type Range } from './watch-ranges.ts';

// How a learner's course looks from its stored records. Pure.

/** Watched share of a lesson, counting only seconds inside the video; reading lessons are 0 or 1. */
export function coverageOf(lesson: LessonRecord, progress: ProgressRecord | undefined): number {
  if (!progress) return 0;
  if (progress.completedAt && lesson.kind !== 'VIDEO') return 1;
  if (lesson.durationSeconds <= 0) return progress.completedAt ? 1 : 0;
  const inside = mergeRanges(progress.watchedRanges.map(([a, b]): Range => [Math.max(0, a), Math.min(lesson.durationSeconds, b)]));
  return Math.min(1, coveredSeconds(inside) / lesson.durationSeconds);
}

export function lessonSummaries(record: CourseProgressRecord): MyLessonSummary[] {
  const byLesson = new Map(record.progress.map((p) => [p.lessonId, p]));
  return record.lessons.map((lesson) => {
    const progress = byLesson.get(lesson.id);
    return {
      id: lesson.id,
      position: lesson.position,
      title: lesson.title,
      kind: lesson.kind,
      required: lesson.required,
      durationSeconds: lesson.durationSeconds,
      coverage: round3(coverageOf(lesson, progress)),
      requiredCoverage: lesson.requiredCoverage,
      completed: Boolean(progress?.completedAt),
      lastPosition: progress?.lastPosition ?? 0,
    };
  });
}

/** True when every required lesson is complete. */
export function requiredLessonsDone(record: CourseProgressRecord): boolean {
  const done = new Set(record.progress.filter((p) => p.completedAt).map((p) => p.lessonId));
  return record.lessons.filter((l) => l.required).every((l) => done.has(l.id));
}

export function quizPassed(record: CourseProgressRecord): boolean {
  return record.attempts.some((a) => a.passed === true);
}

/** A course is complete when its required lessons are and its quiz (if it has one) is passed. */
export function courseComplete(record: CourseProgressRecord): boolean {
  const hasQuiz = Boolean(record.quiz && record.quiz.questionCount > 0);
  return record.lessons.length > 0 && requiredLessonsDone(record) && (!hasQuiz || quizPassed(record));
}

export function myCourseOf(record: CourseProgressRecord): MyCourse {
  const lessons = lessonSummaries(record);
  const required = lessons.filter((l) => l.required);
  const hasQuiz = Boolean(record.quiz && record.quiz.questionCount > 0);
  // Lessons carry the course to 90 % (all of it without a quiz); passing the quiz is the rest.
  const lessonShare = required.length ? required.reduce((sum, l) => sum + (l.completed ? 1 : l.coverage), 0) / required.length : 1;
  const progress = record.enrolment.status === 'COMPLETED' ? 1 : hasQuiz ? lessonShare * 0.9 + (quizPassed(record) ? 0.1 : 0) : lessonShare;
  return {
    enrolmentId: record.enrolment.id,
    courseId: record.course.id,
    code: record.course.code,
    title: record.course.title,
    description: record.course.description,
    category: record.course.category,
    status: record.enrolment.status,
    enrolledAt: record.enrolment.enrolledAt.toISOString(),
    completedAt: record.enrolment.completedAt?.toISOString() ?? null,
    requiredLessons: required.length,
    completedLessons: required.filter((l) => l.completed).length,
    progress: round3(progress),
    quizPassed: quizPassed(record),
    hasQuiz,
    certificateId: record.certificateId,
    resume: resumePoint(record, lessons),
  };
}

export function myCourseDetailOf(record: CourseProgressRecord): MyCourseDetail {
  const quiz = record.quiz;
  const submitted = record.attempts.filter((a) => a.submittedAt);
  const scores = submitted.map((a) => a.score ?? 0);
  return {
    ...myCourseOf(record),
    lessons: lessonSummaries(record),
    quiz:
      quiz && quiz.questionCount > 0
        ? {
            title: quiz.title,
            passScore: quiz.passScore,
            questionCount: Math.min(quiz.drawCount, quiz.questionCount),
            attemptLimit: quiz.attemptLimit,
            attemptsUsed: submitted.length,
            bestScore: scores.length ? Math.max(...scores) : null,
            passed: quizPassed(record),
            open: requiredLessonsDone(record),
            openAttemptId: record.attempts.find((a) => !a.submittedAt)?.id ?? null,
          }
        : null,
  };
}

/** The last lesson played if it is unfinished, else the first unfinished lesson; null when all are done. */
function resumePoint(record: CourseProgressRecord, lessons: MyLessonSummary[]): MyCourse['resume'] {
  const last = lessons.find((l) => l.id === record.lastLessonId && !l.completed);
  const next = last ?? lessons.find((l) => !l.completed);
  return next ? { lessonId: next.id, lessonTitle: next.title, position: next.lastPosition } : null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
