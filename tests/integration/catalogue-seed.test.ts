import {
  CourseInput,
  LessonInput,
  LIBRARY_CAMPAIGNS,
  LibraryResourceInput,
  QuestionInput,
  RESOURCE_MEDIA_KINDS,
} from '@platform/contracts';
import { createPrismaClient, type PrismaClient } from '@platform/db';
import {
  attachCatalogueMedia,
  BRIEFING_FIRST_LESSON_SECONDS,
  CAMPAIGNS,
  catalogueMediaItems,
  CATALOGUE_SAMPLES_DIR,
  COURSES,
  LIBRARY_RESOURCES,
  PROGRAMME,
  QUIZ_SETTINGS,
  renderCatalogueMedia,
  seedDatabase,
} from '@platform/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQuestion } from '../../packages/core/src/training/course-rules.ts';
import { createTestDatabase } from '../support/database.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The seeded 百千万 catalogue and library: rows in every demo database (the test template is
// one), and their generated files through the real pipeline (object store, pg-boss, ffmpeg).

describe('catalogue seed', () => {
  let prisma: PrismaClient;
  beforeAll(async () => {
    prisma = createPrismaClient(await createTestDatabase());
  });
  afterAll(() => prisma?.$disconnect());

  const counts = async () => ({
    programmes: await prisma.trainingProgramme.count(),
    tiers: await prisma.programmeEnterprise.count(),
    courses: await prisma.course.count(),
    lessons: await prisma.lesson.count(),
    quizzes: await prisma.quiz.count(),
    questions: await prisma.quizQuestion.count(),
    enrolments: await prisma.enrolment.count(),
    resources: await prisma.libraryResource.count(),
  });

  it('is idempotent: seeding again creates nothing, and leaves what an administrator removed removed', async () => {
    const before = await counts();
    expect(before).toMatchObject({ programmes: 1, courses: COURSES.length, resources: LIBRARY_RESOURCES.length });
    const again = await seedDatabase(prisma, { demo: true });
    expect(again).toMatchObject({ coursesCreated: 0, resourcesCreated: 0 });
    expect(await counts()).toEqual(before);

    // An administrator drops an enterprise from the programme and a worker's enrolment: a restart keeps them out.
    const tier = await prisma.programmeEnterprise.findFirstOrThrow();
    await prisma.programmeEnterprise.delete({
      where: { programmeId_enterpriseId: { programmeId: tier.programmeId, enterpriseId: tier.enterpriseId } },
    });
    const enrolment = await prisma.enrolment.findFirstOrThrow({ where: { user: { username: 'worker2' } } });
    await prisma.enrolment.delete({ where: { id: enrolment.id } });
    await seedDatabase(prisma, { demo: true });
    expect(await counts()).toEqual({ ...before, tiers: before.tiers - 1, enrolments: before.enrolments - 1 });
  });

  it('has every course published with ordered lessons of the kinds asked for and a quiz bank that satisfies its draw', async () => {
    const courses = await prisma.course.findMany({
      where: { code: { in: COURSES.map((c) => c.code) } },
      include: {
        lessons: { orderBy: { position: 'asc' } },
        quizzes: { include: { questions: { orderBy: { position: 'asc' } } } },
        programme: true,
      },
    });
    expect(courses.map((c) => c.title).sort()).toEqual(
      ['危险化学品安全', '有限空间作业', '粉尘涉爆', '用电安全', '消防安全', '应急救援与自救互救', '班前会怎么开'].sort(),
    );
    for (const course of courses) {
      expect(course.published, course.code).toBe(true);
      expect(course.programme?.code).toBe(PROGRAMME.code);
      expect(course.lessons.length, course.code).toBeGreaterThanOrEqual(2);
      expect(course.lessons.length, course.code).toBeLessThanOrEqual(4);
      expect(course.lessons.map((l) => l.position)).toEqual(course.lessons.map((_, i) => i + 1));
      for (const lesson of course.lessons) {
        if (lesson.kind !== 'VIDEO') continue;
        expect(lesson.body.length, lesson.title).toBeGreaterThanOrEqual(200);
        expect(lesson.body.length, lesson.title).toBeLessThanOrEqual(600);
        expect(lesson.durationSeconds, lesson.title).toBeGreaterThanOrEqual(lesson.title.startsWith('三交三查') ? 12 : 20);
        expect(lesson.durationSeconds, lesson.title).toBeLessThanOrEqual(40);
      }
      expect(course.quizzes).toHaveLength(1);
      const quiz = course.quizzes[0]!;
      expect(quiz).toMatchObject(QUIZ_SETTINGS);
      expect(quiz.questions.length, course.code).toBeGreaterThanOrEqual(8);
      expect(quiz.questions.length, course.code).toBeLessThanOrEqual(12);
      expect(quiz.questions.length).toBeGreaterThanOrEqual(quiz.drawCount);
      expect(new Set(quiz.questions.map((q) => q.kind))).toEqual(new Set(['SINGLE', 'MULTIPLE', 'TRUE_FALSE']));
      for (const q of quiz.questions) {
        // The authoring rules an administrator's question must pass, applied to the seeded bank.
        const input = QuestionInput.parse({
          kind: q.kind,
          prompt: q.prompt,
          options: q.options,
          answer: q.answer,
          explanation: q.explanation,
        });
        const checked = checkQuestion(input);
        expect(checked, `${course.code} #${q.position} ${q.prompt}`).not.toHaveProperty('issues');
        expect(q.answer.every((i) => Number.isInteger(i) && i >= 0 && i < q.options.length)).toBe(true);
        if (q.kind === 'MULTIPLE') expect(q.answer.length).toBeGreaterThanOrEqual(2);
        else expect(q.answer).toHaveLength(1);
        if (q.kind === 'TRUE_FALSE') expect(q.options).toEqual(['正确', '错误']);
        expect(q.explanation.length).toBeGreaterThan(0);
      }
    }
    const lessons = courses.flatMap((c) => c.lessons);
    // What an administrator could have typed: the authoring contracts accept every seeded course and lesson.
    const someId = '01a23115-0000-7000-8000-000000000000';
    for (const c of courses) expect(() => CourseInput.parse(c), c.code).not.toThrow();
    for (const l of lessons) expect(() => LessonInput.parse({ ...l, requiredCoverage: 0.9, mediaAssetId: someId }), l.title).not.toThrow();
    expect(lessons.filter((l) => l.kind === 'DOCUMENT').length).toBeGreaterThanOrEqual(1);
    expect(lessons.filter((l) => l.kind === 'POSTER').length).toBeGreaterThanOrEqual(1);
    const briefing = courses.find((c) => c.title === '班前会怎么开')!;
    expect(briefing.lessons[0]).toMatchObject({ kind: 'VIDEO', durationSeconds: BRIEFING_FIRST_LESSON_SECONDS, presenceChecks: 1 });
    expect(BRIEFING_FIRST_LESSON_SECONDS).toBe(12);
    for (const lesson of lessons.filter((l) => l.kind === 'VIDEO' && l.id !== briefing.lessons[0]!.id))
      expect(lesson.presenceChecks).toBe(2);
  });

  it('runs the programme now with its three targets, hazardous-chemical enterprises in 百家危化, and enrols the demo workers', async () => {
    const programme = await prisma.trainingProgramme.findUniqueOrThrow({
      where: { code: PROGRAMME.code },
      include: { enterprises: { include: { enterprise: { include: { industry: true } } } } },
    });
    expect(programme).toMatchObject({ targetHazardousEnterprises: 100, targetKeyEnterprises: 1000, targetWorkers: 10000 });
    expect(programme.startsOn.getTime()).toBeLessThan(Date.now());
    expect(programme.endsOn.getTime()).toBeGreaterThan(Date.now());
    const tiers = programme.enterprises;
    expect(tiers.filter((t) => t.category === 'HAZARDOUS_CHEMICAL').length).toBeGreaterThanOrEqual(5);
    expect(tiers.filter((t) => t.category === 'KEY_INDUSTRIAL').length).toBeGreaterThanOrEqual(5);
    for (const t of tiers)
      expect(t.category, t.enterprise.name).toBe(t.enterprise.industry.hazardous ? 'HAZARDOUS_CHEMICAL' : 'KEY_INDUSTRIAL');
    // Candidates remain for the tier pages to offer.
    expect(await prisma.enterprise.count()).toBeGreaterThan(tiers.length);

    const worker1 = await prisma.user.findUniqueOrThrow({
      where: { username: 'worker1' },
      include: { enrolments: { include: { course: true } } },
    });
    const published = await prisma.course.count({ where: { published: true } });
    expect(worker1.enrolments).toHaveLength(published);
    expect(worker1.enrolments.every((e) => e.enterpriseId === worker1.enterpriseId)).toBe(true);
    // Newest first, the worker's list reads in catalogue order: 班前会怎么开 on top.
    const newestFirst = [...worker1.enrolments].sort((a, b) => b.enrolledAt.getTime() - a.enrolledAt.getTime());
    expect(newestFirst.map((e) => e.course.code)).toEqual(COURSES.map((c) => c.code));
    const others = await prisma.user.findMany({
      where: { username: { in: ['worker2', 'worker3', 'worker4'] } },
      include: { _count: { select: { enrolments: true } } },
    });
    expect(others).toHaveLength(3);
    for (const w of others) {
      expect(w._count.enrolments, w.username).toBeGreaterThan(0);
      expect(w.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(w.idNumber).toMatch(/^\d{17}[\dX]$/);
    }
  });

  it('has the library: 血的教训 posters, guidance videos and material of every campaign, published', async () => {
    const resources = await prisma.libraryResource.findMany({ where: { title: { in: LIBRARY_RESOURCES.map((r) => r.title) } } });
    expect(resources).toHaveLength(LIBRARY_RESOURCES.length);
    const newestFirst = [...resources].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    expect(newestFirst.map((r) => r.title)).toEqual(LIBRARY_RESOURCES.map((r) => r.title));
    expect(resources.every((r) => r.published && r.tags.length > 0 && r.description.length > 0)).toBe(true);
    expect(resources.filter((r) => r.kind === 'POSTER' && r.title.startsWith('血的教训')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(resources.map((r) => r.kind))).toEqual(new Set(['POSTER', 'VIDEO', 'DOCUMENT', 'CAMPAIGN']));
    expect(new Set(resources.map((r) => r.campaign).filter(Boolean))).toEqual(new Set(CAMPAIGNS));
    // Spelled as the library filters them, and acceptable to its authoring contract.
    expect([...CAMPAIGNS]).toEqual([...LIBRARY_CAMPAIGNS]);
    for (const r of resources) {
      const input = { title: r.title, description: r.description, kind: r.kind, campaign: r.campaign, tags: r.tags, published: true };
      expect(() => LibraryResourceInput.parse({ ...input, mediaId: '01a23115-0000-7000-8000-000000000000' }), r.title).not.toThrow();
      const seeded = LIBRARY_RESOURCES.find((s) => s.title === r.title)!;
      expect(RESOURCE_MEDIA_KINDS[r.kind], r.title).toContain(seeded.media.kind === 'POSTER' ? 'PHOTO' : seeded.media.kind);
    }
  });
});

describe('catalogue media', { timeout: 600_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ WORKER_IN_PROCESS: '1', WORKER_CONCURRENCY: '2' });
  }, 300_000);
  afterAll(() => t?.close());

  it('is generated, stored as platform content and processed by the real pipeline until every lesson and resource is playable', async () => {
    const rendered = await renderCatalogueMedia({ outDir: CATALOGUE_SAMPLES_DIR, ffmpeg: t.platform.runtime.ffmpeg.ffmpeg });
    expect(rendered.failed).toEqual([]);
    const deps = { prisma: t.platform.prisma, store: t.platform.runtime.mediaStore, queue: t.platform.runtime.queue };
    const first = await attachCatalogueMedia(deps);
    expect(first).toEqual({ attached: catalogueMediaItems().length, missing: [] });
    // A second start stores nothing again.
    expect(await attachCatalogueMedia(deps)).toEqual({ attached: 0, missing: [] });

    const prisma = t.platform.prisma;
    const lessons = await prisma.lesson.findMany({
      where: { course: { code: { in: COURSES.map((c) => c.code) } } },
      include: { course: true },
    });
    const resources = await prisma.libraryResource.findMany({ where: { title: { in: LIBRARY_RESOURCES.map((r) => r.title) } } });
    const assetIds = [...lessons.map((l) => l.mediaAssetId), ...resources.map((r) => r.mediaAssetId)];
    expect(assetIds.every(Boolean)).toBe(true);

    const deadline = Date.now() + 540_000;
    let assets = await prisma.mediaAsset.findMany({ where: { id: { in: assetIds as string[] } }, include: { renditions: true } });
    while (assets.some((a) => a.status !== 'READY' && a.status !== 'FAILED') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      assets = await prisma.mediaAsset.findMany({ where: { id: { in: assetIds as string[] } }, include: { renditions: true } });
    }
    expect(assets.filter((a) => a.status !== 'READY').map((a) => `${a.originalName}: ${a.status} ${a.failureCode ?? ''}`)).toEqual([]);
    for (const a of assets) {
      expect(a).toMatchObject({ enterpriseId: null, meetingId: null, staged: false });
      if (a.kind === 'VIDEO') {
        expect(a.hlsMasterKey, a.originalName).toBeTruthy();
        expect(a.renditions.length, a.originalName).toBeGreaterThan(0);
        expect(a.posterKey, a.originalName).toBeTruthy();
      }
      if (a.kind === 'PHOTO') expect(a.thumbLargeKey, a.originalName).toBeTruthy();
    }
    const byId = new Map(assets.map((a) => [a.id, a]));
    for (const lesson of lessons) {
      const asset = byId.get(lesson.mediaAssetId!)!;
      expect(asset.kind, lesson.title).toBe(lesson.kind === 'POSTER' ? 'PHOTO' : lesson.kind);
    }
    // The e2e lesson keeps its exact length once the pipeline has measured it.
    const first12 = await prisma.lesson.findFirstOrThrow({
      where: { course: { code: 'BQW-BRIEFING' }, position: 1 },
      include: { mediaAsset: true },
    });
    expect(first12.durationSeconds).toBe(12);
    expect(Math.abs(first12.mediaAsset!.durationMs! - 12_000)).toBeLessThan(100);

    // Platform content: any logged-in role opens it, a worker of another enterprise included.
    const worker = await t.login('worker4');
    const video = await t.app.inject({ url: `/api/media/${first12.mediaAssetId}`, headers: { cookie: worker } });
    expect(video.statusCode, video.body).toBe(200);
    expect(video.json().hlsUrl).toBeTruthy();
    const pdfLesson = lessons.find((l) => l.kind === 'DOCUMENT')!;
    const pdf = await t.app.inject({ url: `/api/media/${pdfLesson.mediaAssetId}`, headers: { cookie: worker } });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const document = await t.app.inject({ url: pdf.json().documentUrl, headers: { cookie: worker } });
    expect(document.statusCode).toBe(200);
    expect(document.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
