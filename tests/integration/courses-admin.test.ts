// Course authoring (课程管理) through the API against a real database: field-by-field validation,
// the publishing rules, lesson order, video lengths filled in by processing, and who may write and
// read what (officers and inspectors never see a question, let alone an answer).
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['admin', 'officer1', 'inspector', 'worker1']) cookies[user] = await t.login(user);
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: unknown, user = 'admin') =>
  t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload === undefined ? {} : { payload: payload as object }) });

/** Field and code of each field issue of a 400. */
const issuesOf = (res: LightMyRequestResponse) =>
  ((res.json().error?.details ?? []) as { field: string; code: string }[]).map((d) => `${d.field}:${d.code}`);

let codeSerial = 0;
const course = (overrides: Record<string, unknown> = {}) => ({
  code: `t-course-${++codeSerial}`,
  title: '有限空间作业安全',
  description: '进入有限空间前：先通风、再检测、后作业。',
  category: '有限空间',
  certificateValidMonths: 36,
  ...overrides,
});

/** A content upload as the pipeline leaves it: owned by the platform, no enterprise, no meeting. */
async function contentAsset(
  kind: 'VIDEO' | 'PHOTO' | 'DOCUMENT',
  status: 'PROCESSING' | 'READY' | 'FAILED' = 'READY',
  durationMs?: number,
) {
  const asset = await t.platform.prisma.mediaAsset.create({
    data: {
      kind,
      status,
      originalName: `lesson.${kind === 'VIDEO' ? 'mp4' : kind === 'PHOTO' ? 'jpg' : 'pdf'}`,
      contentType: kind === 'VIDEO' ? 'video/mp4' : kind === 'PHOTO' ? 'image/jpeg' : 'application/pdf',
      sizeBytes: 1000n,
      sourceKey: `content/${kind}`,
      durationMs: durationMs ?? null,
    },
  });
  return asset.id;
}

async function newCourse(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call('POST', '/api/training/courses', course(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function addLesson(courseId: string, title: string, kind: 'VIDEO' | 'DOCUMENT' | 'POSTER' = 'VIDEO', mediaAssetId?: string) {
  const media = mediaAssetId ?? (await contentAsset(kind === 'POSTER' ? 'PHOTO' : kind, 'READY', 30_000));
  const res = await call('POST', `/api/training/courses/${courseId}/lessons`, { kind, title, mediaAssetId: media, body: '要点' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; position: number; durationSeconds: number };
}

const single = (prompt: string) => ({
  kind: 'SINGLE',
  prompt,
  options: ['先通风检测', '直接进入'],
  answer: [0],
  explanation: '解析：先断电再施救',
});

async function addQuestion(courseId: string, prompt: string) {
  const res = await call('POST', `/api/training/courses/${courseId}/questions`, single(prompt));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const publish = async (courseId: string, published = true) => {
  const current = (await call('GET', `/api/training/courses/${courseId}`)).json();
  return call('PUT', `/api/training/courses/${courseId}`, {
    code: current.code,
    title: current.title,
    description: current.description,
    category: current.category,
    certificateValidMonths: current.certificateValidMonths,
    published,
  });
};

describe('course fields', () => {
  it('names every bad field of a course at once', async () => {
    const res = await call(
      'POST',
      '/api/training/courses',
      course({ code: 'bad code!', title: '', certificateValidMonths: 0, category: undefined }),
    );
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res).sort()).toEqual(
      ['certificateValidMonths:FIELD_TOO_SMALL', 'category:FIELD_REQUIRED', 'code:FIELD_INVALID_FORMAT', 'title:FIELD_NOT_EMPTY'].sort(),
    );
  });

  it('stores the code in capitals and refuses it for a second course (409)', async () => {
    const id = await newCourse({ code: 'dup-code-1' });
    expect((await call('GET', `/api/training/courses/${id}`)).json().code).toBe('DUP-CODE-1');
    const res = await call('POST', '/api/training/courses', course({ code: 'DUP-code-1' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COURSE_CODE_TAKEN');
  });
});

describe('lessons', () => {
  it('takes only a content file of the lesson kind, and checks coverage and presence checks by field', async () => {
    const courseId = await newCourse();
    const pdf = await contentAsset('DOCUMENT');
    const wrongKind = await call('POST', `/api/training/courses/${courseId}/lessons`, { kind: 'VIDEO', title: '视频', mediaAssetId: pdf });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details).toEqual([
      expect.objectContaining({ field: 'mediaAssetId', code: 'LESSON_MEDIA_KIND', params: { expected: 'VIDEO' } }),
    ]);

    // A meeting's evidence belongs to an enterprise: never a lesson's file.
    const evidence = await t.platform.prisma.mediaAsset.findFirst({ where: { enterpriseId: { not: null } }, select: { id: true } });
    const evidenceId =
      evidence?.id ??
      (
        await t.platform.prisma.mediaAsset.create({
          data: {
            kind: 'PHOTO',
            originalName: 'x.jpg',
            contentType: 'image/jpeg',
            sizeBytes: 1n,
            sourceKey: 'x',
            enterpriseId: (await t.platform.prisma.enterprise.findFirstOrThrow()).id,
          },
        })
      ).id;
    const notContent = await call('POST', `/api/training/courses/${courseId}/lessons`, {
      kind: 'POSTER',
      title: '海报',
      mediaAssetId: evidenceId,
    });
    expect(issuesOf(notContent)).toEqual(['mediaAssetId:REFERENCE_NOT_FOUND']);

    const failed = await contentAsset('VIDEO', 'FAILED');
    expect(
      issuesOf(await call('POST', `/api/training/courses/${courseId}/lessons`, { kind: 'VIDEO', title: '坏', mediaAssetId: failed })),
    ).toEqual(['mediaAssetId:LESSON_MEDIA_FAILED']);

    const video = await contentAsset('VIDEO');
    const bounds = await call('POST', `/api/training/courses/${courseId}/lessons`, {
      kind: 'VIDEO',
      title: '视频',
      mediaAssetId: video,
      requiredCoverage: 0.3,
      presenceChecks: 11,
    });
    expect(issuesOf(bounds).sort()).toEqual(['presenceChecks:FIELD_TOO_BIG', 'requiredCoverage:FIELD_TOO_SMALL']);
    expect(await t.platform.prisma.lesson.count({ where: { courseId } })).toBe(0);

    const poster = await call('POST', `/api/training/courses/${courseId}/lessons`, {
      kind: 'POSTER',
      title: '血的教训',
      mediaAssetId: await contentAsset('PHOTO'),
      presenceChecks: 3,
    });
    expect(poster.statusCode).toBe(201);
    // Presence checks interrupt videos only.
    expect(poster.json()).toMatchObject({ kind: 'POSTER', position: 1, presenceChecks: 0, durationSeconds: 0 });
  });

  it('gives a lesson saved while its video is processing the length the processing finds', async () => {
    const courseId = await newCourse();
    const video = await contentAsset('VIDEO', 'PROCESSING');
    const lesson = await addLesson(courseId, '正在处理的视频', 'VIDEO', video);
    expect(lesson.durationSeconds).toBe(0);

    await t.platform.repos.media.setVideoFacts(video, {
      durationMs: 61_200,
      truncatedAtMs: null,
      declaredDurationMs: null,
      width: 1280,
      height: 720,
      rotation: null,
      videoCodec: 'h264',
      audioCodec: 'aac',
      capturedAt: null,
      capturedOffset: null,
      gpsLatitude: null,
      gpsLongitude: null,
    });
    expect((await t.platform.prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).durationSeconds).toBe(62);
    const detail = (await call('GET', `/api/training/courses/${courseId}`)).json();
    expect(detail.lessons[0].durationSeconds).toBe(62);
    expect(detail.videoSeconds).toBe(62);

    // A lesson saved after processing takes the length at once.
    const later = await addLesson(courseId, '已处理的视频', 'VIDEO', await contentAsset('VIDEO', 'READY', 90_000));
    expect(later.durationSeconds).toBe(90);
  });

  it('puts lessons in a new order, and refuses an order that misses or repeats a lesson', async () => {
    const courseId = await newCourse();
    const a = await addLesson(courseId, '甲');
    const b = await addLesson(courseId, '乙');
    const c = await addLesson(courseId, '丙');
    expect([a.position, b.position, c.position]).toEqual([1, 2, 3]);

    const res = await call('PUT', `/api/training/courses/${courseId}/lessons/order`, { lessonIds: [c.id, a.id, b.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((l: { title: string; position: number }) => `${l.position}${l.title}`)).toEqual(['1丙', '2甲', '3乙']);

    for (const lessonIds of [
      [a.id, b.id],
      [a.id, a.id, b.id],
      [a.id, b.id, c.id, c.id],
    ]) {
      const bad = await call('PUT', `/api/training/courses/${courseId}/lessons/order`, { lessonIds });
      expect(issuesOf(bad)).toEqual(['lessonIds:LESSON_ORDER_MISMATCH']);
    }
    // A lesson removed leaves a gap; the next order closes it.
    expect((await call('DELETE', `/api/training/lessons/${a.id}`)).statusCode).toBe(204);
    const after = await call('PUT', `/api/training/courses/${courseId}/lessons/order`, { lessonIds: [b.id, c.id] });
    expect(after.json().map((l: { title: string; position: number }) => `${l.position}${l.title}`)).toEqual(['1乙', '2丙']);
    const audit = await t.platform.prisma.auditLog.findFirst({ where: { action: 'lesson.reorder', entityId: courseId } });
    expect(audit).not.toBeNull();
  });

  it('keeps a lesson that has learning records', async () => {
    const courseId = await newCourse();
    const lesson = await addLesson(courseId, '有学习记录的课时');
    const worker = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'worker1' } });
    const enrolment = await t.platform.prisma.enrolment.create({
      data: { courseId, userId: worker.id, enterpriseId: worker.enterpriseId! },
    });
    await t.platform.prisma.lessonProgress.create({ data: { enrolmentId: enrolment.id, lessonId: lesson.id, watchedSeconds: 12 } });
    const res = await call('DELETE', `/api/training/lessons/${lesson.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'LESSON_HAS_RECORDS', params: { count: 1 } });
  });
});

describe('quiz and question bank', () => {
  it('checks each question by field', async () => {
    const courseId = await newCourse();
    expect((await call('POST', `/api/training/courses/${courseId}/questions`, single('无测验'))).statusCode).toBe(404);
    await call('PUT', `/api/training/courses/${courseId}/quiz`, { title: '结业测验', passScore: 80, drawCount: 2, attemptLimit: 3 });

    const post = (body: Record<string, unknown>) =>
      call('POST', `/api/training/courses/${courseId}/questions`, { ...single('题目'), ...body });
    expect(issuesOf(await post({ answer: [0, 1] }))).toEqual(['answer:QUESTION_ONE_ANSWER']);
    expect(issuesOf(await post({ kind: 'MULTIPLE', options: ['甲', '乙', '丙'], answer: [2] }))).toEqual([
      'answer:QUESTION_ANSWERS_TOO_FEW',
    ]);
    expect(issuesOf(await post({ kind: 'MULTIPLE', options: ['甲', '乙', '丙'], answer: [0, 5] }))).toEqual([
      'answer.1:QUESTION_ANSWER_OUT_OF_RANGE',
    ]);
    expect(issuesOf(await post({ kind: 'TRUE_FALSE', options: ['对', '错'], answer: [0] }))).toEqual(['options:QUESTION_OPTIONS_FIXED']);
    expect(issuesOf(await post({ options: ['只有一个'] }))).toEqual(['options:FIELD_TOO_FEW']);
    expect(issuesOf(await post({ prompt: '长'.repeat(501), points: 0 })).sort()).toEqual([
      'points:FIELD_TOO_SMALL',
      'prompt:FIELD_TOO_LONG',
    ]);

    const trueFalse = await post({ kind: 'TRUE_FALSE', options: [], answer: [1], prompt: '有限空间可以单人作业。' });
    expect(trueFalse.statusCode).toBe(201);
    expect(trueFalse.json()).toMatchObject({ options: ['正确', '错误'], answer: [1] });
    const multiple = await post({ kind: 'MULTIPLE', options: ['通风', '检测', '监护'], answer: [2, 0] });
    expect(multiple.json().answer).toEqual([0, 2]);

    const edited = await call('PUT', `/api/training/questions/${multiple.json().id}`, { ...single('改成单选'), answer: [1] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ kind: 'SINGLE', prompt: '改成单选', answer: [1], position: multiple.json().position });
  });

  it('quiz settings are checked by field', async () => {
    const courseId = await newCourse();
    const res = await call('PUT', `/api/training/courses/${courseId}/quiz`, { title: '', passScore: 0, drawCount: 0, attemptLimit: -1 });
    expect(issuesOf(res).sort()).toEqual([
      'attemptLimit:FIELD_TOO_SMALL',
      'drawCount:FIELD_TOO_SMALL',
      'passScore:FIELD_TOO_SMALL',
      'title:FIELD_NOT_EMPTY',
    ]);
  });
});

describe('publishing', () => {
  it('needs a lesson and a bank as large as the draw, and keeps both while published', async () => {
    const courseId = await newCourse();
    const noLessons = await publish(courseId);
    expect(noLessons.statusCode).toBe(400);
    expect(issuesOf(noLessons)).toEqual(['published:COURSE_NO_LESSONS']);
    expect((await call('POST', '/api/training/courses', course({ published: true }))).json().error.details[0].code).toBe(
      'COURSE_NO_LESSONS',
    );

    const lesson = await addLesson(courseId, '第一课');
    await call('PUT', `/api/training/courses/${courseId}/quiz`, { title: '结业测验', passScore: 80, drawCount: 3, attemptLimit: 0 });
    await addQuestion(courseId, '第一题');
    const second = await addQuestion(courseId, '第二题');
    const smallBank = await publish(courseId);
    expect(smallBank.json().error.details).toEqual([
      expect.objectContaining({ field: 'published', code: 'COURSE_BANK_TOO_SMALL', params: { count: 2, drawCount: 3 } }),
    ]);

    await addQuestion(courseId, '第三题');
    const published = await publish(courseId);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ published: true, lessonCount: 1, questionCount: 3, hasQuiz: true });
    expect(await t.platform.prisma.auditLog.count({ where: { action: 'course.publish', entityId: courseId } })).toBe(1);

    // While published, the bank keeps the draw and the course keeps a lesson.
    const removeQuestion = await call('DELETE', `/api/training/questions/${second}`);
    expect(removeQuestion.statusCode).toBe(409);
    expect(removeQuestion.json().error).toMatchObject({ code: 'COURSE_BANK_TOO_SMALL', params: { count: 2, drawCount: 3 } });
    const biggerDraw = await call('PUT', `/api/training/courses/${courseId}/quiz`, {
      title: '结业测验',
      passScore: 80,
      drawCount: 4,
      attemptLimit: 0,
    });
    expect(issuesOf(biggerDraw)).toEqual(['drawCount:COURSE_BANK_TOO_SMALL']);
    const removeLesson = await call('DELETE', `/api/training/lessons/${lesson.id}`);
    expect(removeLesson.statusCode).toBe(409);
    expect(removeLesson.json().error.code).toBe('COURSE_NO_LESSONS');

    // Taken back, it can be changed freely again.
    expect((await publish(courseId, false)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/training/questions/${second}`)).statusCode).toBe(204);
    expect(await t.platform.prisma.auditLog.count({ where: { action: 'course.unpublish', entityId: courseId } })).toBe(1);
  });
});

describe('who may write and read', () => {
  let published: string;
  let draft: string;
  let questionId: string;
  let lessonId: string;

  beforeAll(async () => {
    published = await newCourse({ title: '用电安全（已发布）' });
    lessonId = (await addLesson(published, '触电急救')).id;
    await call('PUT', `/api/training/courses/${published}/quiz`, { title: '用电测验', passScore: 60, drawCount: 1, attemptLimit: 2 });
    questionId = await addQuestion(published, '发现有人触电，第一步应当？');
    expect((await publish(published)).statusCode).toBe(200);
    draft = await newCourse({ title: '草稿课程' });
  });

  it('refuses every write to anyone but the system administrator', async () => {
    const writes: [Method, string, unknown][] = [
      ['POST', '/api/training/courses', course()],
      ['PUT', `/api/training/courses/${published}`, course({ published: false })],
      ['POST', `/api/training/courses/${published}/lessons`, { kind: 'VIDEO', title: '新', mediaAssetId: lessonId }],
      ['PUT', `/api/training/courses/${published}/lessons/order`, { lessonIds: [lessonId] }],
      ['DELETE', `/api/training/lessons/${lessonId}`, undefined],
      ['PUT', `/api/training/courses/${published}/quiz`, { title: '改', passScore: 1, drawCount: 1, attemptLimit: 0 }],
      ['DELETE', `/api/training/courses/${published}/quiz`, undefined],
      ['POST', `/api/training/courses/${published}/questions`, single('新题')],
      ['PUT', `/api/training/questions/${questionId}`, single('改题')],
      ['DELETE', `/api/training/questions/${questionId}`, undefined],
    ];
    for (const user of ['officer1', 'inspector', 'worker1']) {
      for (const [method, url, body] of writes) {
        const res = await call(method, url, body, user);
        expect(res.statusCode, `${user} ${method} ${url}`).toBe(403);
      }
    }
    const detail = (await call('GET', `/api/training/courses/${published}`)).json();
    expect(detail).toMatchObject({ title: '用电安全（已发布）', published: true, lessonCount: 1, questionCount: 1 });
  });

  it('shows officers and inspectors the published catalogue without a single question or answer', async () => {
    for (const user of ['officer1', 'inspector']) {
      const res = await call('GET', `/api/training/courses/${published}`, undefined, user);
      expect(res.statusCode, user).toBe(200);
      const body = res.json();
      expect(body).not.toHaveProperty('questions');
      expect(body.quiz).toMatchObject({ title: '用电测验', drawCount: 1 });
      expect(body.lessons.map((l: { title: string }) => l.title)).toEqual(['触电急救']);
      for (const secret of [questionId, '发现有人触电', '先通风检测', '解析：先断电再施救', '"answer"'])
        expect(res.body).not.toContain(secret);

      const list = await call('GET', '/api/training/courses?pageSize=200&published=false', undefined, user);
      const ids = list.json().items.map((c: { id: string }) => c.id);
      expect(ids).toContain(published);
      expect(ids).not.toContain(draft);
      expect(list.body).not.toContain('"answer"');
    }
    const adminView = (await call('GET', `/api/training/courses/${published}`)).json();
    expect(adminView.questions).toEqual([
      expect.objectContaining({ id: questionId, answer: [0], options: ['先通风检测', '直接进入'], explanation: '解析：先断电再施救' }),
    ]);
  });

  it('hides drafts from everyone but administrators', async () => {
    const res = await call('GET', `/api/training/courses/${draft}`, undefined, 'officer1');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'course' } });
    expect((await call('GET', `/api/training/courses/${draft}`, undefined, 'inspector')).statusCode).toBe(404);
    expect((await call('GET', `/api/training/courses/${draft}`)).statusCode).toBe(200);
    // Workers learn through their own enrolments, not the catalogue.
    expect((await call('GET', '/api/training/courses', undefined, 'worker1')).statusCode).toBe(403);

    const drafts = (await call('GET', '/api/training/courses?published=false&pageSize=200')).json();
    expect(drafts.items.map((c: { id: string }) => c.id)).toContain(draft);
    expect(drafts.items.every((c: { published: boolean }) => !c.published)).toBe(true);
    const search = (await call('GET', `/api/training/courses?q=${encodeURIComponent('草稿')}`)).json();
    expect(search.items.map((c: { id: string }) => c.id)).toEqual([draft]);
  });
});
