import type { PrismaClient } from '@platform/db';
import type { SeedCourse } from './data/catalogue-types.ts';
import { COURSES, DEMO_ENROLMENTS, PROGRAMME, PROGRAMME_TIERS, QUIZ_SETTINGS } from './data/catalogue.ts';
import { DEMO_ENTERPRISES } from './data/demo-enterprises.ts';
import { LIBRARY_RESOURCES } from './data/library.ts';

export interface CatalogueSeedResult {
  /** Rows created by this run (0 on a database that already has them). */
  coursesCreated: number;
  resourcesCreated: number;
  enrolmentsCreated: number;
}

/**
 * The 百千万 programme, its course catalogue and the library, as rows (their media files are
 * attached later by {@link attachCatalogueMedia}, once object storage and the job queue are up).
 * Idempotent by natural key: the programme by code, a course by code, a resource by title. What
 * hangs off a row (tier enrolments, lessons, quiz, demo workers' enrolments) is written only with
 * the row itself, so a restart never re-adds what an administrator removed.
 */
export async function seedCatalogue(prisma: PrismaClient): Promise<CatalogueSeedResult> {
  const result: CatalogueSeedResult = { coursesCreated: 0, resourcesCreated: 0, enrolmentsCreated: 0 };
  // Lists show the newest first (a worker's courses, the library): the first entry of the seeded
  // order is dated latest, a second apart, so the catalogue reads in the order written here.
  const seededAt = Date.now();
  const inOrder = (i: number) => new Date(seededAt - i * 1000);
  const programmeId = await seedProgramme(prisma);
  const workers = await prisma.user.findMany({
    where: { username: { in: Object.keys(DEMO_ENROLMENTS) }, enterpriseId: { not: null } },
    select: { id: true, username: true, enterpriseId: true },
  });
  for (const [index, course] of COURSES.entries()) {
    if (await prisma.course.findUnique({ where: { code: course.code }, select: { id: true } })) continue;
    const courseId = await createCourse(prisma, course, programmeId);
    result.coursesCreated++;
    const enrolled = workers.filter((w) => {
      const codes = DEMO_ENROLMENTS[w.username];
      return codes === '*' || Boolean(codes?.includes(course.code));
    });
    const { count } = await prisma.enrolment.createMany({
      data: enrolled.map((w) => ({ courseId, userId: w.id, enterpriseId: w.enterpriseId!, enrolledAt: inOrder(index) })),
      skipDuplicates: true,
    });
    result.enrolmentsCreated += count;
  }
  for (const [index, r] of LIBRARY_RESOURCES.entries()) {
    if (await prisma.libraryResource.findFirst({ where: { title: r.title }, select: { id: true } })) continue;
    await prisma.libraryResource.create({
      data: {
        title: r.title,
        description: r.description,
        kind: r.kind,
        campaign: r.campaign,
        tags: r.tags,
        published: true,
        createdAt: inOrder(index),
      },
    });
    result.resourcesCreated++;
  }
  return result;
}

/** The programme row; on first creation also the demo enterprises of each tier. */
async function seedProgramme(prisma: PrismaClient): Promise<string> {
  const existing = await prisma.trainingProgramme.findUnique({ where: { code: PROGRAMME.code }, select: { id: true } });
  if (existing) return existing.id;
  const programme = await prisma.trainingProgramme.create({ data: { ...PROGRAMME } });
  const byCredit = new Map(
    (
      await prisma.enterprise.findMany({
        where: { creditCode: { in: DEMO_ENTERPRISES.map((e) => e.creditCode) } },
        select: { id: true, creditCode: true },
      })
    ).map((e) => [e.creditCode, e.id]),
  );
  const rows = DEMO_ENTERPRISES.flatMap((e) => {
    const category = PROGRAMME_TIERS[e.industryCode];
    const enterpriseId = byCredit.get(e.creditCode);
    return category && enterpriseId ? [{ programmeId: programme.id, enterpriseId, category }] : [];
  });
  await prisma.programmeEnterprise.createMany({ data: rows, skipDuplicates: true });
  return programme.id;
}

async function createCourse(prisma: PrismaClient, course: SeedCourse, programmeId: string): Promise<string> {
  const created = await prisma.course.create({
    data: {
      programmeId,
      code: course.code,
      title: course.title,
      description: course.description,
      category: course.category,
      published: true,
      lessons: {
        create: course.lessons.map((lesson, i) => ({
          position: i + 1,
          title: lesson.title,
          kind: lesson.kind,
          body: lesson.body,
          required: lesson.required ?? true,
          // The generated clip's length; the media pipeline measures the same once it has run.
          durationSeconds: lesson.kind === 'VIDEO' ? lesson.seconds : 0,
          presenceChecks: lesson.kind === 'VIDEO' ? (lesson.presenceChecks ?? 2) : 0,
        })),
      },
      quizzes: {
        create: [
          {
            title: course.quiz.title,
            ...QUIZ_SETTINGS,
            questions: {
              create: course.quiz.questions.map((q, i) => ({
                position: i + 1,
                kind: q.kind,
                prompt: q.prompt,
                options: q.options,
                answer: q.answer,
                explanation: q.explanation,
              })),
            },
          },
        ],
      },
    },
    select: { id: true },
  });
  return created.id;
}
