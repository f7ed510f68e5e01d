import type { CourseProgressRecord, LearningRecordRow, LearningRepository, StoredViewing } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

type Range = readonly [number, number];
type LessonKind = 'VIDEO' | 'DOCUMENT' | 'POSTER';

const lessonInclude = { orderBy: { position: 'asc' as const }, include: { mediaAsset: { select: { durationMs: true } } } };
const courseInclude = {
  lessons: lessonInclude,
  quizzes: {
    where: { lessonId: null },
    orderBy: { createdAt: 'asc' as const },
    take: 1,
    include: { _count: { select: { questions: true } } },
  },
};

/** A lesson's length: its video's own duration once processed, else what the lesson says. */
function lessonSeconds(lesson: { durationSeconds: number; mediaAsset: { durationMs: number | null } | null }): number {
  const media = lesson.mediaAsset?.durationMs;
  return media ? media / 1000 : lesson.durationSeconds;
}

function lessonRecord(
  lesson: {
    id: string;
    courseId: string;
    position: number;
    title: string;
    kind: LessonKind;
    body: string;
    required: boolean;
    mediaAssetId: string | null;
    durationSeconds: number;
    requiredCoverage: unknown;
    presenceChecks: number;
    mediaAsset: { durationMs: number | null } | null;
  },
  courseTitle: string,
) {
  return {
    id: lesson.id,
    courseId: lesson.courseId,
    courseTitle,
    position: lesson.position,
    title: lesson.title,
    kind: lesson.kind,
    body: lesson.body,
    required: lesson.required,
    mediaAssetId: lesson.mediaAssetId,
    durationSeconds: lessonSeconds(lesson),
    requiredCoverage: Number(lesson.requiredCoverage),
    presenceChecks: lesson.presenceChecks,
  };
}

function enrolmentRecord(e: {
  id: string;
  courseId: string;
  userId: string;
  enterpriseId: string;
  status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED';
  enrolledAt: Date;
  completedAt: Date | null;
}) {
  const { id, courseId, userId, enterpriseId, status, enrolledAt, completedAt } = e;
  return { id, courseId, userId, enterpriseId, status, enrolledAt, completedAt };
}

/** A quiz attempt as the learning service sees it (answers stay in the database). */
function attemptRecord(a: {
  id: string;
  quizId: string;
  enrolmentId: string;
  userId: string;
  questionIds: string[];
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  passed: boolean | null;
}) {
  const { id, quizId, enrolmentId, userId, questionIds, startedAt, submittedAt, score, passed } = a;
  return { id, quizId, enrolmentId, userId, questionIds, startedAt, submittedAt, score, passed };
}

const ranges = (value: unknown): Range[] => (Array.isArray(value) ? (value as Range[]) : []);

export function createLearningRepository(prisma: PrismaClient): LearningRepository {
  async function courseProgress(where: { userId: string; courseId?: string }): Promise<CourseProgressRecord[]> {
    const enrolments = await prisma.enrolment.findMany({
      where: { ...where, course: { published: true } },
      orderBy: { enrolledAt: 'desc' },
      include: {
        course: { include: courseInclude },
        progress: true,
        attempts: { orderBy: { startedAt: 'asc' } },
        certificate: { select: { id: true } },
      },
    });
    if (!enrolments.length) return [];
    const last = await prisma.playSession.findMany({
      where: { enrolmentId: { in: enrolments.map((e) => e.id) } },
      orderBy: { startedAt: 'desc' },
      distinct: ['enrolmentId'],
      select: { enrolmentId: true, lessonId: true },
    });
    const lastLesson = new Map(last.map((l) => [l.enrolmentId, l.lessonId]));
    return enrolments.map((e) => {
      const quiz = e.course.quizzes[0];
      return {
        enrolment: enrolmentRecord(e),
        course: {
          id: e.course.id,
          code: e.course.code,
          title: e.course.title,
          description: e.course.description,
          category: e.course.category,
          certificateValidMonths: e.course.certificateValidMonths,
        },
        lessons: e.course.lessons.map((l) => lessonRecord(l, e.course.title)),
        progress: e.progress.map((p) => ({
          lessonId: p.lessonId,
          watchedRanges: ranges(p.watchedRanges),
          watchedSeconds: p.watchedSeconds,
          lastPosition: p.lastPosition,
          completedAt: p.completedAt,
        })),
        quiz: quiz
          ? {
              id: quiz.id,
              title: quiz.title,
              passScore: quiz.passScore,
              drawCount: quiz.drawCount,
              attemptLimit: quiz.attemptLimit,
              questionCount: quiz._count.questions,
            }
          : null,
        attempts: e.attempts.filter((a) => !quiz || a.quizId === quiz.id).map(attemptRecord),
        certificateId: e.certificate?.id ?? null,
        lastLessonId: lastLesson.get(e.id) ?? null,
      };
    });
  }

  const certificateInclude = {
    user: { select: { displayName: true, idNumber: true, enterprise: { select: { name: true } } } },
    course: { select: { title: true, code: true } },
  };
  type CertificateRow = {
    id: string;
    enrolmentId: string;
    userId: string;
    serialNo: string;
    verificationCode: string;
    issuedAt: Date;
    validUntil: Date;
    revokedAt: Date | null;
    user: { displayName: string; idNumber: string | null; enterprise: { name: string } | null };
    course: { title: string; code: string };
  };
  const certificateRecord = (c: CertificateRow) => ({
    id: c.id,
    enrolmentId: c.enrolmentId,
    userId: c.userId,
    serialNo: c.serialNo,
    verificationCode: c.verificationCode,
    issuedAt: c.issuedAt,
    validUntil: c.validUntil,
    revokedAt: c.revokedAt,
    holderName: c.user.displayName,
    holderIdNumber: c.user.idNumber,
    enterpriseName: c.user.enterprise?.name ?? null,
    courseTitle: c.course.title,
    courseCode: c.course.code,
  });

  return {
    listCourseProgress: (userId) => courseProgress({ userId }),

    async findCourseProgress(userId, courseId) {
      return (await courseProgress({ userId, courseId }))[0] ?? null;
    },

    async findLessonForLearner(userId, lessonId) {
      const lesson = await prisma.lesson.findFirst({
        where: { id: lessonId, course: { published: true } },
        include: { mediaAsset: { select: { durationMs: true } }, course: { select: { title: true } } },
      });
      if (!lesson) return null;
      const enrolment = await prisma.enrolment.findUnique({
        where: { courseId_userId: { courseId: lesson.courseId, userId } },
        include: { progress: { where: { lessonId } } },
      });
      if (!enrolment) return null;
      const progress = enrolment.progress[0];
      return {
        lesson: lessonRecord(lesson, lesson.course.title),
        enrolment: enrolmentRecord(enrolment),
        progress: progress
          ? {
              lessonId,
              watchedRanges: ranges(progress.watchedRanges),
              watchedSeconds: progress.watchedSeconds,
              lastPosition: progress.lastPosition,
              completedAt: progress.completedAt,
            }
          : null,
      };
    },

    async lessonsOfCourse(courseId) {
      const course = await prisma.course.findUnique({ where: { id: courseId }, include: { lessons: lessonInclude } });
      return course ? course.lessons.map((l) => lessonRecord(l, course.title)) : [];
    },

    async liveViewings(userId, since) {
      return prisma.playSession.findMany({
        where: { userId, endedAt: null, lastReceivedAt: { gte: since } },
        select: { id: true, deviceId: true },
      });
    },

    async startViewing(input) {
      return prisma.$transaction(async (tx) => {
        await tx.playSession.updateMany({ where: { userId: input.userId, endedAt: null }, data: { endedAt: input.now } });
        // The progress row exists before the first heartbeat, so heartbeats can lock it.
        await tx.lessonProgress.upsert({
          where: { enrolmentId_lessonId: { enrolmentId: input.enrolmentId, lessonId: input.lessonId } },
          create: { enrolmentId: input.enrolmentId, lessonId: input.lessonId },
          update: {},
        });
        return tx.playSession.create({
          data: {
            userId: input.userId,
            lessonId: input.lessonId,
            enrolmentId: input.enrolmentId,
            deviceId: input.deviceId,
            userAgent: input.userAgent,
            startedAt: input.startedAt,
            clientStartedAt: input.clientStartedAt,
            checkAt: input.checkAt,
          },
          select: { id: true },
        });
      });
    },

    async findViewing(id) {
      const viewing = await prisma.playSession.findUnique({
        where: { id },
        include: { checks: { where: { answeredAt: { not: null } }, select: { atSecond: true } } },
      });
      if (!viewing) return null;
      return {
        id: viewing.id,
        userId: viewing.userId,
        lessonId: viewing.lessonId,
        enrolmentId: viewing.enrolmentId,
        startedAt: viewing.startedAt,
        endedAt: viewing.endedAt,
        playedSeconds: viewing.playedSeconds,
        checkAt: viewing.checkAt,
        answered: viewing.checks.map((c) => c.atSecond),
      };
    },

    async applyHeartbeats(viewingIds, decide, now) {
      // Plain SQL: this runs a thousand times a second, and the batch's rows go in one statement
      // each (heartbeats, viewings, progress) rather than one per heartbeat.
      return prisma.$transaction(
        async (tx) => {
          const rows = await tx.$queryRawUnsafe<ViewingRow[]>(LOCK_VIEWINGS_SQL, JSON.stringify(viewingIds));
          // Two viewings of one lesson (a take-over while the first phone's queue arrives) share its
          // progress: the second is judged against what the first made of it.
          const progressNow = new Map<string, { watched: Range[]; completed: boolean }>();
          const updates = rows.flatMap((row) => {
            const key = `${row.enrolmentId}/${row.lessonId}`;
            const viewing = viewingOf(row);
            const earlier = progressNow.get(key);
            const update = decide(
              earlier ? { ...viewing, watched: earlier.watched, lessonCompleted: viewing.lessonCompleted || earlier.completed } : viewing,
            );
            if (!update) return [];
            progressNow.set(key, { watched: update.watched, completed: viewing.lessonCompleted || update.completedAt !== null });
            return [{ update, row }];
          });
          if (!updates.length) return [];
          const heartbeats = updates.flatMap(({ update }) =>
            update.heartbeats.map((h) => ({
              sessionId: update.viewingId,
              seq: h.seq,
              clientAt: h.clientAt.toISOString(),
              ranges: h.ranges,
              counted: Math.round(h.countedSeconds),
              rejection: h.rejection,
            })),
          );
          const viewings = updates.map(({ update }) => ({
            id: update.viewingId,
            lastSeq: update.lastSeq,
            lastClientAt: update.lastClientAt?.toISOString() ?? null,
            played: update.playedSeconds,
          }));
          // One row per lesson progress: the last viewing's ranges (built on the earlier ones), refusals summed.
          const byProgress = new Map<string, ProgressWrite>();
          for (const { update, row } of updates) {
            const key = `${row.enrolmentId}/${row.lessonId}`;
            const earlier = byProgress.get(key);
            byProgress.set(key, {
              enrolmentId: row.enrolmentId,
              lessonId: row.lessonId,
              watched: update.watched,
              watchedSeconds: Math.floor(update.watchedSeconds),
              position: update.lastPosition >= 0 ? Math.floor(update.lastPosition) : (earlier?.position ?? null),
              rejected: update.rejected + (earlier?.rejected ?? 0),
              completedAt: earlier?.completedAt ?? update.completedAt?.toISOString() ?? null,
            });
          }
          const progress = [...byProgress.values()];
          await tx.$executeRawUnsafe(WRITE_BATCH_SQL, JSON.stringify(heartbeats), JSON.stringify(viewings), JSON.stringify(progress), now);
          return updates.map(({ update }) => update);
          // A burst queues batches behind each other: wait for a connection rather than fail the learners' heartbeats.
        },
        { maxWait: 15_000, timeout: 30_000 },
      );
    },

    async openCheck(viewingId, atSecond, challenge) {
      const check = await prisma.presenceCheck.upsert({
        where: { sessionId_atSecond: { sessionId: viewingId, atSecond } },
        create: { sessionId: viewingId, atSecond, challenge },
        update: {},
      });
      return { id: check.id, viewingId, atSecond, challenge: check.challenge, answeredAt: check.answeredAt };
    },

    async findCheck(viewingId, checkId) {
      const check = await prisma.presenceCheck.findFirst({ where: { id: checkId, sessionId: viewingId } });
      return check && { id: check.id, viewingId, atSecond: check.atSecond, challenge: check.challenge, answeredAt: check.answeredAt };
    },

    async answerCheck(checkId, at) {
      await prisma.presenceCheck.updateMany({ where: { id: checkId, answeredAt: null }, data: { answeredAt: at } });
    },

    async completeReading(enrolmentId, lessonId, at) {
      await prisma.lessonProgress.upsert({
        where: { enrolmentId_lessonId: { enrolmentId, lessonId } },
        create: { enrolmentId, lessonId, completedAt: at },
        update: { completedAt: at },
      });
    },

    async setEnrolmentStatus(enrolmentId, status, completedAt) {
      await prisma.enrolment.updateMany({
        // Never back from completed.
        where: { id: enrolmentId, status: { not: 'COMPLETED' } },
        data: { status, completedAt },
      });
    },

    async questionBank(quizId) {
      const questions = await prisma.quizQuestion.findMany({ where: { quizId }, orderBy: { position: 'asc' } });
      return questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options,
        answer: q.answer,
        points: q.points,
        explanation: q.explanation,
      }));
    },

    async createAttempt(input) {
      return attemptRecord(await prisma.quizAttempt.create({ data: input }));
    },

    async findAttempt(id) {
      const a = await prisma.quizAttempt.findUnique({ where: { id }, include: { quiz: { select: { courseId: true } } } });
      return a && { ...attemptRecord(a), courseId: a.quiz.courseId };
    },

    async submitAttempt(id, grade) {
      const { count } = await prisma.quizAttempt.updateMany({
        where: { id, submittedAt: null },
        data: { answers: grade.answers as object, score: grade.score, passed: grade.passed, submittedAt: grade.submittedAt },
      });
      return count === 1;
    },

    async issueCertificate(input) {
      const existing = await prisma.certificate.findUnique({ where: { enrolmentId: input.enrolmentId }, select: { id: true } });
      if (existing) return { id: existing.id, created: false };
      return prisma.$transaction(async (tx) => {
        // Serial numbers run per year: prefix-year-000123. Issuers take turns, so two never count the same.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('certificate-serial'))`);
        const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) + 1 AS n FROM certificate WHERE "serialNo" LIKE $1 || '-%'`,
          input.serialPrefix,
        );
        const n = row?.n ?? 1n;
        const created = await tx.certificate.upsert({
          where: { enrolmentId: input.enrolmentId },
          create: {
            enrolmentId: input.enrolmentId,
            userId: input.userId,
            courseId: input.courseId,
            serialNo: `${input.serialPrefix}-${String(n).padStart(6, '0')}`,
            verificationCode: input.verificationCode,
            issuedAt: input.issuedAt,
            validUntil: input.validUntil,
          },
          update: {},
          select: { id: true, issuedAt: true },
        });
        return { id: created.id, created: created.issuedAt.getTime() === input.issuedAt.getTime() };
      });
    },

    async listCertificates(userId) {
      const rows = await prisma.certificate.findMany({ where: { userId }, orderBy: { issuedAt: 'desc' }, include: certificateInclude });
      return rows.map(certificateRecord);
    },

    async findCertificate(id) {
      const row = await prisma.certificate.findUnique({ where: { id }, include: certificateInclude });
      return row && certificateRecord(row);
    },

    async findCertificateByCode(code) {
      const row = await prisma.certificate.findUnique({ where: { verificationCode: code }, include: certificateInclude });
      return row && certificateRecord(row);
    },

    async findLearner(userId) {
      return prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, role: true, enterpriseId: true, zoneId: true, displayName: true },
      });
    },

    learningRecords: (userId) => learningRecords(prisma, userId),

    async purgeRecordsBefore(before) {
      // Viewings go with their heartbeats and checks; attempts and certificates are the result and stay with the enrolment.
      const removed = await prisma.learningHeartbeat.deleteMany({ where: { receivedAt: { lt: before } } });
      await prisma.playSession.deleteMany({ where: { startedAt: { lt: before }, heartbeats: { none: {} } } });
      return removed.count;
    },
  };
}

interface ProgressWrite {
  enrolmentId: string;
  lessonId: string;
  watched: Range[];
  watchedSeconds: number;
  position: number | null;
  rejected: number;
  completedAt: string | null;
}

interface ViewingRow {
  id: string;
  userId: string;
  lessonId: string;
  enrolmentId: string;
  startedAt: Date;
  clientStartedAt: Date;
  lastClientAt: Date | null;
  lastSeq: number;
  endedAt: Date | null;
  playedSeconds: number;
  checkAt: number[];
  answered: number[] | null;
  duration: number;
  coverage: number;
  watchedRanges: unknown;
  completedAt: Date | null;
}

function viewingOf(row: ViewingRow): StoredViewing {
  return {
    id: row.id,
    userId: row.userId,
    lessonId: row.lessonId,
    enrolmentId: row.enrolmentId,
    startedAt: row.startedAt,
    clientStartedAt: row.clientStartedAt,
    lastClientAt: row.lastClientAt,
    lastSeq: row.lastSeq,
    endedAt: row.endedAt,
    playedSeconds: Number(row.playedSeconds),
    checkAt: row.checkAt ?? [],
    answered: row.answered ?? [],
    durationSeconds: Number(row.duration),
    requiredCoverage: Number(row.coverage),
    watched: ranges(typeof row.watchedRanges === 'string' ? JSON.parse(row.watchedRanges) : row.watchedRanges),
    lessonCompleted: row.completedAt !== null,
  };
}

// Viewings and their lesson progress, locked in id order (two batches never wait on each other in a cycle).
const LOCK_VIEWINGS_SQL = `
  SELECT s.id, s."userId", s."lessonId", s."enrolmentId", s."startedAt", s."clientStartedAt", s."lastClientAt",
         s."lastSeq", s."endedAt", s."playedSeconds", s."checkAt",
         (SELECT array_agg(c."atSecond") FROM presence_check c WHERE c."sessionId" = s.id AND c."answeredAt" IS NOT NULL) AS answered,
         COALESCE(m."durationMs" / 1000.0, l."durationSeconds")::float8 AS duration,
         l."requiredCoverage"::float8 AS coverage,
         p."watchedRanges", p."completedAt"
    FROM play_session s
    JOIN lesson l ON l.id = s."lessonId"
    LEFT JOIN media_asset m ON m.id = l."mediaAssetId"
    JOIN lesson_progress p ON p."enrolmentId" = s."enrolmentId" AND p."lessonId" = s."lessonId"
   WHERE s.id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))
   ORDER BY s.id
     FOR UPDATE OF s, p`;

// The heartbeats as received, the viewings' new state and the lessons' progress: one statement.
const WRITE_BATCH_SQL = `
  WITH beats AS (
    INSERT INTO learning_heartbeat ("sessionId", seq, "clientAt", "receivedAt", ranges, "countedSeconds", rejection)
    SELECT x."sessionId", x.seq, x."clientAt", $4, x.ranges, x.counted, x.rejection
      FROM jsonb_to_recordset($1::jsonb) AS x("sessionId" uuid, seq int, "clientAt" timestamptz, ranges jsonb, counted int, rejection text)
        ON CONFLICT ("sessionId", seq) DO NOTHING
  ), viewings AS (
    UPDATE play_session s
       SET "lastSeq" = x."lastSeq", "lastClientAt" = COALESCE(x."lastClientAt", s."lastClientAt"),
           "lastReceivedAt" = $4, "playedSeconds" = x.played
      FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, "lastSeq" int, "lastClientAt" timestamptz, played float8)
     WHERE s.id = x.id
  )
  UPDATE lesson_progress p
     SET "watchedRanges" = x.watched, "watchedSeconds" = x."watchedSeconds",
         "lastPosition" = COALESCE(x.position, p."lastPosition"),
         "rejectedHeartbeats" = p."rejectedHeartbeats" + x.rejected,
         "completedAt" = COALESCE(p."completedAt", x."completedAt"), "updatedAt" = $4
    FROM jsonb_to_recordset($3::jsonb)
      AS x("enrolmentId" uuid, "lessonId" uuid, watched jsonb, "watchedSeconds" int, position int, rejected int, "completedAt" timestamptz)
   WHERE p."enrolmentId" = x."enrolmentId" AND p."lessonId" = x."lessonId"`;

/** Every record of a learner, oldest first, streamed in pages so years of heartbeats never sit in memory at once. */
async function* learningRecords(prisma: PrismaClient, userId: string): AsyncIterable<LearningRecordRow> {
  const enrolments = await prisma.enrolment.findMany({
    where: { userId },
    orderBy: { enrolledAt: 'asc' },
    include: {
      course: { select: { title: true } },
      attempts: { where: { submittedAt: { not: null } }, orderBy: { submittedAt: 'asc' } },
      certificate: true,
    },
  });
  for (const e of enrolments) {
    yield { at: e.enrolledAt, course: e.course.title, lesson: '', kind: 'ENROLMENT', detail: e.status };
    const viewings = await prisma.playSession.findMany({
      where: { enrolmentId: e.id },
      orderBy: { startedAt: 'asc' },
      include: { lesson: { select: { title: true } }, checks: { orderBy: { askedAt: 'asc' } } },
    });
    for (const v of viewings) {
      yield {
        at: v.startedAt,
        course: e.course.title,
        lesson: v.lesson.title,
        kind: 'VIEWING',
        detail: `设备 ${v.deviceId.slice(0, 8)}；${v.userAgent}`,
      };
      let cursor: bigint | undefined;
      for (;;) {
        const beats = await prisma.learningHeartbeat.findMany({
          where: { sessionId: v.id, ...(cursor ? { id: { gt: cursor } } : {}) },
          orderBy: { id: 'asc' },
          take: 1000,
        });
        for (const b of beats) {
          const played = ranges(b.ranges)
            .map(([a, z]) => `${a}-${z}`)
            .join(',');
          const verdict = b.rejection ? `未计入：${b.rejection}` : `计入 ${b.countedSeconds} 秒`;
          yield {
            at: b.receivedAt,
            course: e.course.title,
            lesson: v.lesson.title,
            kind: 'HEARTBEAT',
            detail: `#${b.seq} 播放 ${played || '无'}；${verdict}`,
          };
        }
        if (beats.length < 1000) break;
        cursor = beats.at(-1)!.id;
      }
      for (const c of v.checks) {
        const detail = c.answeredAt ? `已确认（${Math.round((c.answeredAt.getTime() - c.askedAt.getTime()) / 1000)} 秒后）` : '未确认';
        yield { at: c.askedAt, course: e.course.title, lesson: v.lesson.title, kind: 'PRESENCE_CHECK', detail };
      }
    }
    for (const a of e.attempts) {
      yield {
        at: a.submittedAt!,
        course: e.course.title,
        lesson: '',
        kind: 'QUIZ_ATTEMPT',
        detail: `${a.score} 分，${a.passed ? '通过' : '未通过'}`,
      };
    }
    if (e.certificate) {
      yield { at: e.certificate.issuedAt, course: e.course.title, lesson: '', kind: 'CERTIFICATE', detail: e.certificate.serialNo };
    }
  }
}
