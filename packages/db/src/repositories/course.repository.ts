import {
  lessonSecondsOf,
  type CourseFields,
  type CourseRecord,
  type CourseRepository,
  type LessonFields,
  type LessonRecord,
  type QuestionRecord,
  type QuizRecord,
} from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

// The course quiz is the one not attached to a lesson.
const courseQuiz = { lessonId: null } as const;

const courseInclude = {
  lessons: { select: { kind: true, durationSeconds: true, mediaAsset: { select: { durationMs: true } } } },
  quizzes: { where: courseQuiz, select: { _count: { select: { questions: true } } } },
} as const;

type CourseRow = Awaited<ReturnType<PrismaClient['course']['findFirstOrThrow']>> & {
  lessons: { kind: string; durationSeconds: number; mediaAsset: { durationMs: number | null } | null }[];
  quizzes: { _count: { questions: number } }[];
};

function toCourse(row: CourseRow): CourseRecord {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    category: row.category,
    published: row.published,
    certificateValidMonths: row.certificateValidMonths,
    updatedAt: row.updatedAt,
    lessonCount: row.lessons.length,
    videoSeconds: row.lessons
      .filter((l) => l.kind === 'VIDEO')
      .reduce((sum, l) => sum + (l.durationSeconds || lessonSecondsOf(l.mediaAsset?.durationMs)), 0),
    hasQuiz: row.quizzes.length > 0,
    questionCount: row.quizzes.reduce((sum, q) => sum + q._count.questions, 0),
  };
}

const lessonInclude = { mediaAsset: { select: { durationMs: true } } } as const;

type LessonRow = Awaited<ReturnType<PrismaClient['lesson']['findFirstOrThrow']>> & { mediaAsset: { durationMs: number | null } | null };

function toLesson(row: LessonRow): LessonRecord {
  return {
    id: row.id,
    courseId: row.courseId,
    position: row.position,
    kind: row.kind,
    title: row.title,
    body: row.body,
    required: row.required,
    mediaAssetId: row.mediaAssetId,
    // A lesson saved while its video was still processing has 0 until processing stores the length
    // (media repository, setVideoFacts); the file's own length answers meanwhile.
    durationSeconds: row.durationSeconds || (row.kind === 'VIDEO' ? lessonSecondsOf(row.mediaAsset?.durationMs) : 0),
    requiredCoverage: Number(row.requiredCoverage),
    presenceChecks: row.presenceChecks,
  };
}

function toQuiz(row: {
  id: string;
  courseId: string;
  title: string;
  passScore: number;
  drawCount: number;
  attemptLimit: number;
}): QuizRecord {
  return {
    id: row.id,
    courseId: row.courseId,
    title: row.title,
    passScore: row.passScore,
    drawCount: row.drawCount,
    attemptLimit: row.attemptLimit,
  };
}

function toQuestion(row: QuestionRecord & Record<string, unknown>): QuestionRecord {
  return {
    id: row.id,
    quizId: row.quizId,
    position: row.position,
    kind: row.kind,
    prompt: row.prompt,
    options: row.options,
    answer: row.answer,
    explanation: row.explanation,
    points: row.points,
  };
}

/** Courses with their lessons, quiz and question bank (课程管理). */
export function createCourseRepository(prisma: PrismaClient): CourseRepository {
  return {
    async list(query) {
      const where = {
        published: query.published,
        category: query.category || undefined,
        ...(query.q
          ? {
              OR: [
                { title: { contains: query.q, mode: 'insensitive' as const } },
                { code: { contains: query.q, mode: 'insensitive' as const } },
              ],
            }
          : {}),
      };
      const [rows, total] = await Promise.all([
        prisma.course.findMany({
          where,
          include: courseInclude,
          orderBy: { code: 'asc' },
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.course.count({ where }),
      ]);
      return { items: rows.map(toCourse), total, page: query.page, pageSize: query.pageSize };
    },

    async findById(id) {
      const row = await prisma.course.findUnique({ where: { id }, include: courseInclude });
      return row && toCourse(row);
    },

    async create(fields: CourseFields) {
      return toCourse(await prisma.course.create({ data: fields, include: courseInclude }));
    },

    async update(id, fields) {
      return toCourse(await prisma.course.update({ where: { id }, data: fields, include: courseInclude }));
    },

    async listLessons(courseId) {
      return (await prisma.lesson.findMany({ where: { courseId }, include: lessonInclude, orderBy: { position: 'asc' } })).map(toLesson);
    },

    async findLesson(id) {
      const row = await prisma.lesson.findUnique({ where: { id }, include: lessonInclude });
      return row && toLesson(row);
    },

    async createLesson(courseId, fields: LessonFields) {
      // Two lessons added at once may pick the same position: the unique index refuses the second (409).
      const last = await prisma.lesson.aggregate({ where: { courseId }, _max: { position: true } });
      const row = await prisma.lesson.create({
        data: { ...fields, courseId, position: (last._max.position ?? 0) + 1 },
        include: lessonInclude,
      });
      return toLesson(row);
    },

    async updateLesson(id, fields) {
      return toLesson(await prisma.lesson.update({ where: { id }, data: fields, include: lessonInclude }));
    },

    async deleteLesson(id) {
      await prisma.lesson.delete({ where: { id } });
    },

    async countLessonRecords(id) {
      const [progress, viewings] = await Promise.all([
        prisma.lessonProgress.count({ where: { lessonId: id } }),
        prisma.playSession.count({ where: { lessonId: id } }),
      ]);
      return progress + viewings;
    },

    async reorderLessons(courseId, lessonIds) {
      // @@unique([courseId, position]) is checked row by row, so every lesson first moves to a
      // negative position no real one uses, then to its place: no two ever share a number.
      await prisma.$transaction(async (tx) => {
        for (const [i, id] of lessonIds.entries()) await tx.lesson.update({ where: { id, courseId }, data: { position: -(i + 1) } });
        for (const [i, id] of lessonIds.entries()) await tx.lesson.update({ where: { id, courseId }, data: { position: i + 1 } });
      });
    },

    async findAsset(id) {
      const row = await prisma.mediaAsset.findUnique({
        where: { id },
        select: { id: true, kind: true, status: true, enterpriseId: true, meetingId: true, durationMs: true, removedAt: true },
      });
      if (!row || row.removedAt) return null;
      const { removedAt: _removed, ...facts } = row;
      return facts;
    },

    async findQuiz(courseId) {
      const row = await prisma.quiz.findFirst({ where: { courseId, ...courseQuiz }, orderBy: { createdAt: 'asc' } });
      return row && toQuiz(row);
    },

    async saveQuiz(courseId, fields) {
      const existing = await prisma.quiz.findFirst({ where: { courseId, ...courseQuiz }, select: { id: true } });
      const row = existing
        ? await prisma.quiz.update({ where: { id: existing.id }, data: fields })
        : await prisma.quiz.create({ data: { ...fields, courseId } });
      return toQuiz(row);
    },

    async deleteQuiz(quizId) {
      await prisma.quiz.delete({ where: { id: quizId } });
    },

    async countAttempts(quizId) {
      return prisma.quizAttempt.count({ where: { quizId } });
    },

    async listQuestions(quizId) {
      return (await prisma.quizQuestion.findMany({ where: { quizId }, orderBy: { position: 'asc' } })).map(toQuestion);
    },

    async findQuestion(id) {
      const row = await prisma.quizQuestion.findUnique({ where: { id }, include: { quiz: { select: { courseId: true } } } });
      return row && { ...toQuestion(row), courseId: row.quiz.courseId };
    },

    async createQuestion(quizId, fields) {
      const last = await prisma.quizQuestion.aggregate({ where: { quizId }, _max: { position: true } });
      return toQuestion(await prisma.quizQuestion.create({ data: { ...fields, quizId, position: (last._max.position ?? 0) + 1 } }));
    },

    async updateQuestion(id, fields) {
      return toQuestion(await prisma.quizQuestion.update({ where: { id }, data: fields }));
    },

    async deleteQuestion(id) {
      await prisma.quizQuestion.delete({ where: { id } });
    },

    async countQuestionAttempts(id) {
      return prisma.quizAttempt.count({ where: { questionIds: { has: id } } });
    },
  };
}
