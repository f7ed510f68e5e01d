import type { TestApp } from './test-app.ts';

/** The answers of the fixture's question bank, by prompt: what a learner who studied would tick. */
export const FIXTURE_ANSWERS: Record<string, number[]> = {
  '进入有限空间前必须先做什么？': [1],
  '下列哪些属于班前会“三交”内容？': [0, 1, 2],
  '发现有人在有限空间内晕倒，应立即进入施救。': [1],
  '灭火器压力表指针在绿区表示压力正常。': [0],
};

/**
 * A published course straight in the database: a 60-second video lesson with one presence check,
 * a poster lesson, and a quiz of 3 questions drawn from 4 (pass 80, two attempts); `username`
 * is enrolled. Media are content assets marked processed, as the pipeline leaves them.
 */
export async function createFixtureCourse(t: TestApp, username: string, code = `FIX-${Date.now()}`) {
  const prisma = t.platform.prisma;
  const user = await prisma.user.findUniqueOrThrow({ where: { username } });
  const video = await prisma.mediaAsset.create({
    data: {
      kind: 'VIDEO',
      status: 'READY',
      originalName: 'lesson.mp4',
      contentType: 'video/mp4',
      sizeBytes: 1000n,
      sourceKey: `media/fixture-${code}/source`,
      durationMs: 60_000,
    },
  });
  const poster = await prisma.mediaAsset.create({
    data: {
      kind: 'PHOTO',
      status: 'READY',
      originalName: 'poster.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 1000n,
      sourceKey: `media/fixture-${code}-p/source`,
    },
  });
  const course = await prisma.course.create({
    data: {
      code,
      title: '有限空间作业（测试）',
      category: '有限空间',
      published: true,
      lessons: {
        create: [
          { position: 1, title: '先通风、再检测、后作业', kind: 'VIDEO', mediaAssetId: video.id, durationSeconds: 60, presenceChecks: 1 },
          { position: 2, title: '血的教训', kind: 'POSTER', mediaAssetId: poster.id, body: '一起有限空间中毒事故的警示。' },
        ],
      },
    },
    include: { lessons: { orderBy: { position: 'asc' } } },
  });
  const quiz = await prisma.quiz.create({ data: { courseId: course.id, title: '结业测验', passScore: 80, drawCount: 3, attemptLimit: 2 } });
  const bank: { kind: 'SINGLE' | 'MULTIPLE' | 'TRUE_FALSE'; prompt: string; options: string[] }[] = [
    { kind: 'SINGLE', prompt: '进入有限空间前必须先做什么？', options: ['直接进入', '通风并检测气体', '只戴口罩'] },
    { kind: 'MULTIPLE', prompt: '下列哪些属于班前会“三交”内容？', options: ['交任务', '交安全', '交措施', '交工资'] },
    { kind: 'TRUE_FALSE', prompt: '发现有人在有限空间内晕倒，应立即进入施救。', options: ['正确', '错误'] },
    { kind: 'TRUE_FALSE', prompt: '灭火器压力表指针在绿区表示压力正常。', options: ['正确', '错误'] },
  ];
  await prisma.quizQuestion.createMany({
    data: bank.map((q, i) => ({ quizId: quiz.id, position: i + 1, ...q, answer: FIXTURE_ANSWERS[q.prompt]!, explanation: '见课时内容' })),
  });
  const enrolment = await prisma.enrolment.create({ data: { courseId: course.id, userId: user.id, enterpriseId: user.enterpriseId! } });
  return { course, video: course.lessons[0]!, poster: course.lessons[1]!, quiz, enrolment, user };
}
