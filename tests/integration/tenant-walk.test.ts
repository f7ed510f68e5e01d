// Walks every operation of the OpenAPI document as users of enterprise A (and of another zone)
// with enterprise B's ids in paths, bodies and queries. New routes are probed automatically; a
// path param the walk cannot fill fails the test, so nobody adds a route without it being probed.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOf, type JsonSchema } from '../support/openapi-example.ts';
import { createMeeting, uploadFile } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Operation {
  method: string;
  path: string;
  operationId: string;
  tags: string[];
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
let operations: Operation[];
let components: Record<string, JsonSchema>;
/** Enterprise B's ids by kind; B is officer2's enterprise, in another zone than zone1's. */
const b: Record<string, string> = {};
const cookies: Record<string, string> = {};

// Answers anyone holding the code printed on B's certificate, logged in or not: that is its purpose.
const PUBLIC_BY_DESIGN = new Set(['verifyCertificate']);

// Operations that act on the caller's own login, not on anyone's data: they take no tenant ids.
const OWN_SESSION_TAGS = new Set(['auth', 'system']);

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  components = doc.components?.schemas ?? {};
  operations = Object.entries(doc.paths as Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );

  const prisma = t.platform.prisma;
  const officer2 = await prisma.user.findUniqueOrThrow({ where: { username: 'officer2' }, include: { enterprise: true } });
  const team = await prisma.team.findFirstOrThrow({ where: { enterpriseId: officer2.enterpriseId! }, include: { members: true } });
  const shift = await prisma.shift.findFirstOrThrow({ where: { enterpriseId: officer2.enterpriseId! } });
  Object.assign(b, {
    enterprise: officer2.enterpriseId!,
    zone: officer2.enterprise!.zoneId,
    user: officer2.id,
    team: team.id,
    member: team.members[0]!.id,
    shift: shift.id,
  });
  cookies.officer2 = await t.login('officer2');
  b.meeting = await createMeeting(prisma, 'officer2');
  const photo = await uploadFile(t.app, cookies.officer2, b.meeting, sample('photo-plain.jpg'), 'image/jpeg');
  b.media = photo.complete!.json().assetId;
  const bytes = await readFile(sample('photo-plain.jpg'));
  const pending = await t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { cookie: cookies.officer2 },
    payload: { meetingId: b.meeting, fileName: 'pending.jpg', size: bytes.length, contentType: 'image/jpeg' },
  });
  b.upload = pending.json().id;
  b.session = (await prisma.session.findFirstOrThrow({ where: { userId: officer2.id }, orderBy: { createdAt: 'desc' } })).id;
  b.webhook = (
    await prisma.reminderWebhook.create({
      data: { enterpriseId: b.enterprise!, kind: 'WECOM', name: '乙的群', host: 'qyapi.weixin.qq.com', urlCipher: 'v1.sealed' },
    })
  ).id;
  b.notification = (
    await prisma.notification.create({ data: { userId: officer2.id, enterpriseId: b.enterprise!, kind: 'MEETING_MISSING', params: {} } })
  ).id;
  // A worker of B's enrolled in a course: the enrolment routes are probed with its id.
  const course =
    (await prisma.course.findFirst({ where: { published: true } })) ??
    (await prisma.course.create({ data: { code: 'TENANT-WALK', title: '越权测试课程', category: '测试', published: true } }));
  const bWorker =
    (await prisma.user.findFirst({ where: { enterpriseId: b.enterprise, role: 'WORKER' } })) ??
    (await prisma.user.create({
      data: { username: 'tenant-walk-b', displayName: '乙企业职工', role: 'WORKER', enterpriseId: b.enterprise!, passwordHash: 'x' },
    }));
  b.enrolment = (
    (await prisma.enrolment.findFirst({ where: { enterpriseId: b.enterprise } })) ??
    (await prisma.enrolment.create({ data: { courseId: course.id, userId: bWorker.id, enterpriseId: b.enterprise! } }))
  ).id;
  // A draft course with a lesson and a question: platform material only administrators may see or change.
  const draft = await prisma.course.create({ data: { code: 'TENANT-WALK-DRAFT', title: '越权测试草稿课程', category: '测试' } });
  const lessonFile = await prisma.mediaAsset.create({
    data: { kind: 'VIDEO', originalName: 'lesson.mp4', contentType: 'video/mp4', sizeBytes: 1n, sourceKey: 'content/tenant-walk' },
  });
  b.course = draft.id;
  b.lesson = (
    await prisma.lesson.create({ data: { courseId: draft.id, position: 1, title: '草稿课时', kind: 'VIDEO', mediaAssetId: lessonFile.id } })
  ).id;
  const quiz = await prisma.quiz.create({ data: { courseId: draft.id, title: '草稿测验' } });
  b.question = (
    await prisma.quizQuestion.create({
      data: { quizId: quiz.id, position: 1, kind: 'TRUE_FALSE', prompt: '草稿试题', options: ['正确', '错误'], answer: [0] },
    })
  ).id;
  // B's worker's learning: a viewing with a presence check, a quiz attempt and a certificate.
  const bLearner = (await prisma.enrolment.findUniqueOrThrow({ where: { id: b.enrolment } })).userId;
  b.viewing = (
    await prisma.playSession.create({
      data: {
        userId: bLearner,
        lessonId: b.lesson,
        enrolmentId: b.enrolment,
        deviceId: 'tenant-walk-b',
        clientStartedAt: new Date(),
        checkAt: [5],
      },
    })
  ).id;
  b.presenceCheck = (await prisma.presenceCheck.create({ data: { sessionId: b.viewing, atSecond: 5, challenge: '42' } })).id;
  b.quizAttempt = (
    await prisma.quizAttempt.create({ data: { quizId: quiz.id, userId: bLearner, enrolmentId: b.enrolment, questionIds: [b.question] } })
  ).id;
  const certificate =
    (await prisma.certificate.findUnique({ where: { enrolmentId: b.enrolment } })) ??
    (await prisma.certificate.create({
      data: {
        enrolmentId: b.enrolment,
        userId: bLearner,
        courseId: course.id,
        serialNo: 'TENANT-WALK-000001',
        verificationCode: 'TENANTWALK23',
        validUntil: new Date(Date.now() + 86_400_000),
      },
    }));
  b.certificate = certificate.id;
  b.certificateCode = certificate.verificationCode;
  // A draft library entry: only the administrator may see or change it.
  b.libraryResource = (
    await prisma.libraryResource.create({ data: { title: '越权测试草稿资源', kind: 'VIDEO', mediaAssetId: lessonFile.id } })
  ).id;
  // B's live (a push, keyed) and meeting-room camera (credentials sealed).
  b.live = (
    await prisma.liveStream.create({
      data: {
        enterpriseId: b.enterprise!,
        teamId: b.team,
        title: '越权测试直播',
        streamKeyHash: 'f'.repeat(64),
        streamKeyPrefix: 'ffffff',
      },
    })
  ).id;
  b.camera = (
    await prisma.camera.create({
      data: {
        enterpriseId: b.enterprise!,
        teamId: b.team,
        name: '越权测试摄像头',
        rtspUrlSealed: 'v1.sealed',
        rtspUrlShown: 'rtsp://10.0.0.9/stream',
      },
    })
  ).id;
  for (const user of ['officer1', 'worker1', 'zone1']) cookies[user] = await t.login(user);
});
afterAll(() => t.close());

/** Which of B's ids a path segment before `{param}` names. */
const ID_KIND_OF_COLLECTION: Record<string, string> = {
  enterprises: 'enterprise',
  zones: 'zone',
  users: 'user',
  teams: 'team',
  shifts: 'shift',
  meetings: 'meeting',
  media: 'media',
  showcase: 'meeting',
  uploads: 'upload',
  sessions: 'session',
  members: 'member',
  webhooks: 'webhook',
  notifications: 'notification',
  courses: 'course',
  lessons: 'lesson',
  questions: 'question',
  workers: 'user',
  enrolments: 'enrolment',
  library: 'libraryResource',
  viewings: 'viewing',
  checks: 'presenceCheck',
  attempts: 'quizAttempt',
  certificates: 'certificate',
  // Verification is public by design (the code is printed on paper); the walk checks it leaks no id.
  verify: 'certificateCode',
  records: 'user',
  live: 'live',
  // Behind a signed link (public by design); the walk's token is no token, so it must be refused.
  'live-media': 'live',
  cameras: 'camera',
};

function fillPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string, offset: number) => {
    if (name === 'partNumber') return '1';
    if (name === 'date') return new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    if (name === 'token') return 'AAAA.BBBB';
    if (name === '*') return 'master.m3u8';
    const collection = path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
    const kind = ID_KIND_OF_COLLECTION[collection];
    if (!kind || !b[kind]) throw new Error(`the tenant walk cannot fill {${name}} in ${path}: map "${collection}" to one of B's ids`);
    return b[kind]!;
  });
}

/** B's id for a body or query property such as `teamId`, `meetingId` or `teamMemberId`. */
function idFor(property: string): string | undefined {
  const match = /^(\w+?)(?:Member)?Ids?$/.exec(property);
  if (!match) return undefined;
  const kind = match[1] === 'teamMember' || /Member/.test(property) ? 'member' : match[1] === 'asset' ? 'media' : match[1]!;
  return b[kind];
}

function bodyOf(op: Operation): unknown {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  return exampleOf(schema, { components, valueFor: idFor, today: new Date().toISOString().slice(0, 10) });
}

function queryOf(op: Operation): string {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query' && idFor(p.name));
  return params.length ? `?${params.map((p) => `${p.name}=${idFor(p.name)}`).join('&')}` : '';
}

async function snapshotOfB() {
  const prisma = t.platform.prisma;
  return JSON.stringify(
    await Promise.all([
      prisma.enterprise.findUnique({ where: { id: b.enterprise } }),
      prisma.team.findMany({ where: { enterpriseId: b.enterprise }, include: { members: true, shifts: true }, orderBy: { id: 'asc' } }),
      prisma.shift.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
      prisma.user.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
      prisma.meeting.findMany({ where: { enterpriseId: b.enterprise }, include: { attendance: true }, orderBy: { id: 'asc' } }),
      prisma.mediaAsset.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
      prisma.uploadSession.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
      prisma.session.findMany({ where: { userId: b.user }, orderBy: { id: 'asc' } }),
      prisma.reminderWebhook.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
      prisma.notification.findMany({ where: { userId: b.user }, orderBy: { id: 'asc' } }),
      prisma.course.findUnique({ where: { id: b.course }, include: { lessons: true, quizzes: { include: { questions: true } } } }),
      prisma.enrolment.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
      prisma.libraryResource.findUnique({ where: { id: b.libraryResource } }),
      prisma.playSession.findUnique({ where: { id: b.viewing }, include: { checks: true, heartbeats: true } }),
      prisma.quizAttempt.findUnique({ where: { id: b.quizAttempt } }),
      prisma.certificate.findUnique({ where: { id: b.certificate } }),
      prisma.liveStream.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
      prisma.camera.findMany({ where: { enterpriseId: b.enterprise }, orderBy: { id: 'asc' } }),
    ]),
    (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
  );
}

describe('cross-tenant walk over every OpenAPI operation', () => {
  it("never lets enterprise A's users or another zone's officer read or change enterprise B", async () => {
    const before = await snapshotOfB();
    const secrets = [
      ...Object.entries(b)
        .filter(([kind]) => kind !== 'zone')
        .map(([, id]) => id),
    ];
    const probed = new Set<string>();
    const failures: string[] = [];
    for (const user of ['officer1', 'worker1', 'zone1']) {
      for (const op of operations) {
        if (OWN_SESSION_TAGS.has(op.tags[0] ?? '') && !op.path.includes('{')) continue;
        if (op.operationId === 'streamEvents') continue; // a stream that never ends; events.test.ts scopes it
        const url = fillPath(op.path) + queryOf(op);
        const body = bodyOf(op);
        const sent = url + JSON.stringify(body ?? '');
        // A path id or a write naming B must be refused; a list filtered by B's ids may answer, but empty.
        const targetsB = op.path.includes('{') || (op.method !== 'GET' && secrets.some((id) => sent.includes(id)));
        if (op.method !== 'GET' && !targetsB) continue; // nothing of B's to probe, and it might change A's own data
        const res = await t.app.inject({
          method: op.method as 'GET',
          url,
          headers: { cookie: cookies[user]! },
          ...(body === undefined ? {} : { payload: body as object }),
        });
        probed.add(op.operationId);
        const where = `${user} ${op.method} ${url} → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${where}: server error ${res.body.slice(0, 200)}`);
        // Echoing an id the caller sent reveals nothing; any other id of B's does.
        const leaked = secrets.filter((id) => res.body.includes(id) && !sent.includes(id));
        if (leaked.length) failures.push(`${where}: response names B's ${leaked.join(', ')}`);
        if (targetsB && res.statusCode < 300 && !PUBLIC_BY_DESIGN.has(op.operationId)) failures.push(`${where}: accepted B's ids`);
        if (!targetsB && secrets.some((id) => sent.includes(id)) && /"total":[1-9]/.test(res.body))
          failures.push(`${where}: a list filtered by B's ids is not empty`);
      }
    }
    expect(failures).toEqual([]);
    // Every operation that takes an id was probed, and the walk covered most of the API.
    const withIds = operations.filter((op) => op.path.includes('{')).map((op) => op.operationId);
    expect(withIds.filter((id) => id !== 'streamEvents' && !probed.has(id))).toEqual([]);
    expect(probed.size).toBeGreaterThan(operations.length / 2);
    expect(await snapshotOfB()).toBe(before);
  });
});
