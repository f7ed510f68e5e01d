import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The 百千万 programme: figures computed from real rows written here (enterprises, workers,
// enrolments, certificates, learning progress) against numbers worked out by hand; zone officers
// held to their zone; the targets' validation; the tier rules; and writes refused to non-admins.
// Everything is in a programme of the test's own, so the demo seed's programme does not count.

const DAY = 86_400_000;
let t: TestApp;
const cookies: Record<string, string> = {};
/** Ids of the rows this file makes, filled in beforeAll. */
const ids = {} as Record<
  | 'teda'
  | 'other'
  | 'hazchem'
  | 'metal'
  | 'programme'
  | 'course1'
  | 'course2'
  | 'foreignCourse'
  | 'lesson'
  | 'h1'
  | 'h2'
  | 'k1'
  | 'k2'
  | 'n1'
  | 'n2',
  string
>;
let serial = 0;

const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookies[who]! } });
const send = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

async function enterprise(name: string, zoneId: string, industryId: string): Promise<string> {
  const creditCode = `TESTP${String(++serial).padStart(13, '0')}`;
  const e = await t.platform.prisma.enterprise.create({
    data: {
      name,
      creditCode,
      zoneId,
      industryId,
      riskLevel: 'YELLOW',
      address: '滨海新区',
      contactName: '张三',
      contactPhone: '022-25550000',
    },
  });
  return e.id;
}

async function worker(enterpriseId: string, active = true): Promise<string> {
  const n = ++serial;
  const u = await t.platform.prisma.user.create({
    data: { username: `ptest${n}`, displayName: `职工${n}`, role: 'WORKER', enterpriseId, passwordHash: 'x', active },
  });
  return u.id;
}

async function enrol(userId: string, courseId: string, status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED') {
  const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return t.platform.prisma.enrolment.create({
    data: { userId, courseId, enterpriseId: user.enterpriseId!, status, completedAt: status === 'COMPLETED' ? new Date() : null },
  });
}

async function certificate(enrolment: { id: string; userId: string; courseId: string }, validUntil: Date, revokedAt: Date | null = null) {
  const n = ++serial;
  await t.platform.prisma.certificate.create({
    data: {
      enrolmentId: enrolment.id,
      userId: enrolment.userId,
      courseId: enrolment.courseId,
      serialNo: `PT-${n}`,
      verificationCode: `PTV${n}`,
      validUntil,
      revokedAt,
    },
  });
}

/** A lesson's progress row last touched `daysAgo` days ago (as a counted heartbeat or a completion leaves it). */
async function progress(enrolmentId: string, daysAgo: number, fields: { watchedSeconds?: number; completed?: boolean }) {
  const at = new Date(Date.now() - daysAgo * DAY);
  const row = await t.platform.prisma.lessonProgress.create({
    data: { enrolmentId, lessonId: ids.lesson!, watchedSeconds: fields.watchedSeconds ?? 0, completedAt: fields.completed ? at : null },
  });
  // @updatedAt is set by the client on write; the row's age is what is under test.
  await t.platform.prisma.$executeRaw`UPDATE lesson_progress SET "updatedAt" = ${at} WHERE id = ${row.id}::uuid`;
}

beforeAll(async () => {
  t = await createTestApp();
  const prisma = t.platform.prisma;
  for (const who of ['admin', 'inspector', 'zone1', 'officer1', 'worker1']) cookies[who] = await t.login(who);
  const teda = await prisma.zone.findUniqueOrThrow({ where: { code: 'TEDA' } });
  const officer2 = await prisma.user.findUniqueOrThrow({ where: { username: 'officer2' }, include: { enterprise: true } });
  const hazchem = await prisma.industry.findUniqueOrThrow({ where: { code: 'HAZCHEM-PROD' } });
  const metal = await prisma.industry.findUniqueOrThrow({ where: { code: 'METAL' } });
  Object.assign(ids, { teda: teda.id, other: officer2.enterprise!.zoneId, hazchem: hazchem.id, metal: metal.id });
  expect(ids.other).not.toBe(ids.teda);

  const programme = await prisma.trainingProgramme.create({
    data: { code: 'TEST-P', name: '测试计划', year: 2026, startsOn: new Date('2026-01-01'), endsOn: new Date('2026-12-31') },
  });
  const elsewhere = await prisma.trainingProgramme.create({
    data: { code: 'TEST-OTHER', name: '另一计划', year: 2026, startsOn: new Date('2026-01-01'), endsOn: new Date('2026-12-31') },
  });
  ids.programme = programme.id;
  const course = (code: string, programmeId: string | null) =>
    prisma.course.create({ data: { code, title: code, category: '安全', published: true, programmeId } });
  ids.course1 = (await course('PT-C1', programme.id)).id;
  ids.course2 = (await course('PT-C2', null)).id;
  ids.foreignCourse = (await course('PT-C3', elsewhere.id)).id;
  ids.lesson = (
    await prisma.lesson.create({ data: { courseId: ids.course1, position: 1, title: '第一课', kind: 'VIDEO', durationSeconds: 120 } })
  ).id;

  // H1 (TEDA, 危化): both workers enrolled and done, one certified, a lesson completed 3 days ago → active, complete.
  ids.h1 = await enterprise('测试危化甲', ids.teda, ids.hazchem);
  const w1 = await worker(ids.h1);
  const w2 = await worker(ids.h1);
  const e11 = await enrol(w1, ids.course1, 'COMPLETED');
  await enrol(w1, ids.course2, 'COMPLETED');
  await certificate(e11, new Date(Date.now() + 365 * DAY));
  await progress(e11.id, 3, { watchedSeconds: 120, completed: true });
  await enrol(w2, ids.course1, 'COMPLETED');

  // H2 (other zone, 危化): w3 in progress (last learned 40 days ago → not active) and trained on
  // course 2 with an expired certificate; w4 never enrolled → not complete.
  ids.h2 = await enterprise('测试危化乙', ids.other, ids.hazchem);
  const w3 = await worker(ids.h2);
  await worker(ids.h2);
  const e31 = await enrol(w3, ids.course1, 'IN_PROGRESS');
  await progress(e31.id, 40, { watchedSeconds: 60 });
  const e32 = await enrol(w3, ids.course2, 'COMPLETED');
  await certificate(e32, new Date(Date.now() - DAY));

  // K1 (TEDA, 工贸): w5 watched yesterday (a real heartbeat too) → active; w6's account is
  // deactivated (not counted); w7 finished only a course of another programme (enrolled, trained: no).
  ids.k1 = await enterprise('测试工贸甲', ids.teda, ids.metal);
  const w5 = await worker(ids.k1);
  const w6 = await worker(ids.k1, false);
  const w7 = await worker(ids.k1);
  const e51 = await enrol(w5, ids.course1, 'IN_PROGRESS');
  await progress(e51.id, 1, { watchedSeconds: 50 });
  const session = await prisma.playSession.create({
    data: {
      userId: w5,
      lessonId: ids.lesson,
      enrolmentId: e51.id,
      deviceId: 'phone-5',
      clientStartedAt: new Date(Date.now() - DAY),
      checkAt: [],
    },
  });
  await prisma.learningHeartbeat.create({
    data: { sessionId: session.id, seq: 0, clientAt: new Date(Date.now() - DAY), ranges: [[0, 50]], countedSeconds: 50 },
  });
  await enrol(w6, ids.course1, 'COMPLETED');
  await enrol(w7, ids.foreignCourse, 'COMPLETED');

  // K2 (TEDA, 工贸): no workers → neither active nor complete.
  ids.k2 = await enterprise('测试工贸乙', ids.teda, ids.metal);
  // Not enrolled: its trained worker counts nowhere.
  ids.n1 = await enterprise('测试未纳入', ids.teda, ids.metal);
  await enrol(await worker(ids.n1), ids.course1, 'COMPLETED');
  ids.n2 = await enterprise('测试未纳入危化', ids.other, ids.hazchem);

  await prisma.programmeEnterprise.createMany({
    data: [
      { programmeId: programme.id, enterpriseId: ids.h1, category: 'HAZARDOUS_CHEMICAL' },
      { programmeId: programme.id, enterpriseId: ids.h2, category: 'HAZARDOUS_CHEMICAL' },
      { programmeId: programme.id, enterpriseId: ids.k1, category: 'KEY_INDUSTRIAL' },
      { programmeId: programme.id, enterpriseId: ids.k2, category: 'KEY_INDUSTRIAL' },
    ],
  });
});
afterAll(() => t.close());

const dashboard = (who: string, query = '') => get(who, `/api/training/programme/dashboard?programmeId=${ids.programme}${query}`);

describe('dashboard figures', () => {
  it('counts enterprises enrolled / active / complete per tier and workers enrolled / trained / certified', async () => {
    const res = await dashboard('admin');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.programme).toMatchObject({
      id: ids.programme,
      targets: { hazardousEnterprises: 100, keyEnterprises: 1000, workers: 10000 },
    });
    expect(body.activeDays).toBe(30);
    expect(body.totals).toEqual({
      hazardousEnrolled: 2,
      hazardousActive: 1,
      hazardousComplete: 1,
      keyEnrolled: 2,
      keyActive: 1,
      keyComplete: 0,
      workers: 6,
      workersEnrolled: 4,
      workersTrained: 3,
      workersCertified: 1,
    });
    const zone = (id: string) => body.byZone.find((z: { id: string }) => z.id === id);
    expect(zone(ids.teda)).toMatchObject({
      hazardousEnrolled: 1,
      hazardousComplete: 1,
      keyEnrolled: 2,
      keyActive: 1,
      workers: 4,
      workersTrained: 2,
    });
    expect(zone(ids.other)).toMatchObject({
      hazardousEnrolled: 1,
      hazardousActive: 0,
      keyEnrolled: 0,
      workers: 2,
      workersTrained: 1,
      workersCertified: 0,
    });
    const industry = (id: string) => body.byIndustry.find((i: { id: string }) => i.id === id);
    expect(industry(ids.hazchem)).toMatchObject({
      hazardousEnrolled: 2,
      keyEnrolled: 0,
      workers: 4,
      workersEnrolled: 3,
      workersCertified: 1,
    });
    expect(industry(ids.metal)).toMatchObject({ hazardousEnrolled: 0, keyEnrolled: 2, workers: 2, workersEnrolled: 1, workersTrained: 0 });
    expect(body.byZone).toHaveLength(2);
  });

  it('filters by tier and industry', async () => {
    const key = (await dashboard('inspector', '&category=KEY_INDUSTRIAL')).json();
    expect(key.totals).toMatchObject({ hazardousEnrolled: 0, keyEnrolled: 2, workers: 2 });
    const hazchem = (await dashboard('inspector', `&industryId=${ids.hazchem}`)).json();
    expect(hazchem.totals).toMatchObject({ hazardousEnrolled: 2, keyEnrolled: 0, workersTrained: 3 });
  });

  it('lists enrolled enterprises with their own figures', async () => {
    const res = await get('admin', `/api/training/programme/enterprises?programmeId=${ids.programme}&pageSize=10`);
    expect(res.statusCode).toBe(200);
    const byId = Object.fromEntries(res.json().items.map((e: { enterprise: { id: string } }) => [e.enterprise.id, e]));
    expect(res.json().total).toBe(4);
    expect(byId[ids.h1!]).toMatchObject({
      category: 'HAZARDOUS_CHEMICAL',
      workers: 2,
      workersTrained: 2,
      workersCertified: 1,
      active: true,
      complete: true,
    });
    expect(byId[ids.h2!]).toMatchObject({ workers: 2, workersEnrolled: 1, workersTrained: 1, active: false, complete: false });
    expect(byId[ids.k1!]).toMatchObject({ workers: 2, workersEnrolled: 1, workersTrained: 0, active: true, complete: false });
    expect(byId[ids.k2!]).toMatchObject({ workers: 0, active: false, complete: false });
    const searched = await get(
      'admin',
      `/api/training/programme/enterprises?programmeId=${ids.programme}&q=${encodeURIComponent('工贸乙')}`,
    );
    expect(searched.json().items.map((e: { enterprise: { id: string } }) => e.enterprise.id)).toEqual([ids.k2]);
  });

  it('exports the breakdown as a CSV with a byte-order mark and Chinese headings, audited', async () => {
    const res = await get('admin', `/api/training/programme/dashboard/export?programmeId=${ids.programme}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF分组,名称,百家危化·纳入企业')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines[1]).toBe('目标,测试计划,100,,,1000,,,,,10000,');
    expect(lines[2]).toBe('合计,全部,2,1,1,2,1,0,6,4,3,1');
    expect(lines).toHaveLength(2 + 2 + 2 + 1);
    const audit = await t.platform.prisma.auditLog.findFirst({ where: { action: 'programme.export' } });
    expect(audit?.entityId).toBe(ids.programme);
  });
});

describe('zone officers', () => {
  it('see their own zone only, and are refused another zone', async () => {
    const own = await dashboard('zone1');
    expect(own.statusCode).toBe(200);
    expect(own.json().totals).toMatchObject({ hazardousEnrolled: 1, keyEnrolled: 2, workers: 4, workersEnrolled: 3, workersTrained: 2 });
    expect(own.json().byZone.map((z: { id: string }) => z.id)).toEqual([ids.teda]);
    const other = await dashboard('zone1', `&zoneId=${ids.other}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('ZONE_OUTSIDE_SCOPE');
    const list = await get('zone1', `/api/training/programme/enterprises?programmeId=${ids.programme}`);
    expect(
      list
        .json()
        .items.map((e: { enterprise: { id: string } }) => e.enterprise.id)
        .sort(),
    ).toEqual([ids.h1, ids.k1, ids.k2].sort());
    expect((await get('zone1', `/api/training/programme/dashboard/export?zoneId=${ids.other}`)).statusCode).toBe(403);
  });

  it('is closed to enterprise officers and workers', async () => {
    for (const who of ['officer1', 'worker1']) {
      expect((await dashboard(who)).statusCode).toBe(403);
      expect((await get(who, `/api/training/programme/enterprises`)).statusCode).toBe(403);
    }
  });
});

describe('targets', () => {
  const input = (overrides: object = {}) => ({
    programmeId: ids.programme,
    name: '测试计划',
    year: 2026,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    targets: { hazardousEnterprises: 120, keyEnterprises: 1100, workers: 12000 },
    ...overrides,
  });

  it('refuses a reversed period, a year outside it and targets below 1, naming the field', async () => {
    const reversed = await send('admin', 'PUT', '/api/training/programme', input({ endsOn: '2025-12-31' }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details).toEqual([expect.objectContaining({ field: 'endsOn', code: 'RANGE_REVERSED' })]);
    const year = await send('admin', 'PUT', '/api/training/programme', input({ year: 2030 }));
    expect(year.json().error.details).toEqual([
      expect.objectContaining({ field: 'year', code: 'PROGRAMME_YEAR_OUTSIDE_PERIOD', params: { year: 2030 } }),
    ]);
    const zero = await send(
      'admin',
      'PUT',
      '/api/training/programme',
      input({ targets: { hazardousEnterprises: 0, keyEnterprises: 1.5, workers: 1 } }),
    );
    expect(zero.statusCode).toBe(400);
    const fields = zero.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
    expect(fields).toEqual(
      expect.arrayContaining(['targets.hazardousEnterprises:FIELD_TOO_SMALL', 'targets.keyEnterprises:FIELD_NOT_INTEGER']),
    );
  });

  it('lets the system administrator change the targets, audited, and nobody else', async () => {
    expect((await send('inspector', 'PUT', '/api/training/programme', input())).statusCode).toBe(403);
    expect((await send('zone1', 'PUT', '/api/training/programme', input())).statusCode).toBe(403);
    const res = await send('admin', 'PUT', '/api/training/programme', input());
    expect(res.statusCode).toBe(200);
    expect(res.json().targets).toEqual({ hazardousEnterprises: 120, keyEnterprises: 1100, workers: 12000 });
    const read = await get('inspector', `/api/training/programme?programmeId=${ids.programme}`);
    expect(read.json().targets.workers).toBe(12000);
    const audit = await t.platform.prisma.auditLog.findFirst({ where: { action: 'programme.update', entityId: ids.programme } });
    expect(audit?.outcome).toBe('SUCCESS');
  });
});

describe('tiers', () => {
  const enrolUrl = '/api/training/programme/enterprises';

  it('refuses a non-hazardous enterprise in 百家危化 and a hazardous one in 千家工贸, enrolling nothing of the batch', async () => {
    const wrong = await send('admin', 'POST', enrolUrl, {
      programmeId: ids.programme,
      category: 'HAZARDOUS_CHEMICAL',
      enterpriseIds: [ids.n2, ids.n1],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      expect.objectContaining({ field: 'enterpriseIds.1', code: 'PROGRAMME_TIER_NEEDS_HAZARDOUS', params: { industry: '冶金有色' } }),
    ]);
    const reverse = await send('admin', 'POST', enrolUrl, {
      programmeId: ids.programme,
      category: 'KEY_INDUSTRIAL',
      enterpriseIds: [ids.n2],
    });
    expect(reverse.json().error.details[0]).toMatchObject({ field: 'enterpriseIds.0', code: 'PROGRAMME_TIER_NOT_FOR_HAZARDOUS' });
    const unknown = await send('admin', 'POST', enrolUrl, {
      programmeId: ids.programme,
      category: 'KEY_INDUSTRIAL',
      enterpriseIds: ['00000000-0000-4000-8000-000000000009'],
    });
    expect(unknown.json().error.details[0]).toMatchObject({ code: 'REFERENCE_NOT_FOUND', params: { entity: 'enterprise' } });
    expect(await t.platform.prisma.programmeEnterprise.count({ where: { programmeId: ids.programme, enterpriseId: ids.n2 } })).toBe(0);
  });

  it('enrols a batch, leaves members of the same tier as they are, and lists the rest as candidates', async () => {
    const candidates = await get(
      'admin',
      `/api/training/programme/candidates?programmeId=${ids.programme}&category=HAZARDOUS_CHEMICAL&q=${encodeURIComponent('测试')}`,
    );
    expect(candidates.json().items.map((c: { enterprise: { id: string } }) => c.enterprise.id)).toEqual([ids.n2]);
    expect(candidates.json().items[0]).toMatchObject({ category: 'HAZARDOUS_CHEMICAL', industry: { hazardous: true } });
    const res = await send('admin', 'POST', enrolUrl, {
      programmeId: ids.programme,
      category: 'HAZARDOUS_CHEMICAL',
      enterpriseIds: [ids.n2, ids.h1, ids.n2],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ enrolled: 1, unchanged: 1 });
    const after = await get('admin', `/api/training/programme/candidates?programmeId=${ids.programme}&q=${encodeURIComponent('测试')}`);
    expect(after.json().items.map((c: { enterprise: { id: string } }) => c.enterprise.id)).toEqual([ids.n1]);
  });

  it('keeps an enterprise in one tier: after its industry changed it is moved on its own, not enrolled twice', async () => {
    // K2's industry became hazardous chemicals after it joined 千家工贸.
    await t.platform.prisma.enterprise.update({ where: { id: ids.k2 }, data: { industryId: ids.hazchem } });
    const twice = await send('admin', 'POST', enrolUrl, {
      programmeId: ids.programme,
      category: 'HAZARDOUS_CHEMICAL',
      enterpriseIds: [ids.k2],
    });
    expect(twice.json().error.details[0]).toMatchObject({
      code: 'PROGRAMME_ENTERPRISE_IN_OTHER_TIER',
      params: { category: 'KEY_INDUSTRIAL' },
    });
    const moved = await send('admin', 'PUT', `${enrolUrl}/${ids.k2}`, { programmeId: ids.programme, category: 'HAZARDOUS_CHEMICAL' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ category: 'HAZARDOUS_CHEMICAL', previousCategory: 'KEY_INDUSTRIAL' });
    expect(await t.platform.prisma.programmeEnterprise.count({ where: { programmeId: ids.programme, enterpriseId: ids.k2 } })).toBe(1);
  });

  it('takes an enterprise out, and says so when it is not in', async () => {
    const url = `${enrolUrl}/${ids.k2}?programmeId=${ids.programme}`;
    expect((await send('admin', 'DELETE', url)).statusCode).toBe(204);
    const again = await send('admin', 'DELETE', url);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROGRAMME_ENTERPRISE_NOT_ENROLLED');
  });

  it('refuses every write of anyone but the system administrator', async () => {
    for (const who of ['inspector', 'zone1', 'officer1', 'worker1']) {
      const body = { programmeId: ids.programme, category: 'KEY_INDUSTRIAL', enterpriseIds: [ids.n1] };
      expect((await send(who, 'POST', enrolUrl, body)).statusCode, who).toBe(403);
      expect((await send(who, 'PUT', `${enrolUrl}/${ids.n1}`, { category: 'KEY_INDUSTRIAL' })).statusCode, who).toBe(403);
      expect((await send(who, 'DELETE', `${enrolUrl}/${ids.h1}`)).statusCode, who).toBe(403);
      expect((await get(who, '/api/training/programme/candidates')).statusCode, who).toBe(403);
    }
    expect(await t.platform.prisma.programmeEnterprise.count({ where: { programmeId: ids.programme, enterpriseId: ids.n1 } })).toBe(0);
  });
});

describe('scale', () => {
  it('computes the dashboard over 1,100 enterprises and 10,000 workers with grouped queries (time printed, not asserted)', async () => {
    const prisma = t.platform.prisma;
    const p = await prisma.trainingProgramme.create({
      data: { code: 'TEST-SCALE', name: '规模测试', year: 2026, startsOn: new Date('2026-01-01'), endsOn: new Date('2026-12-31') },
    });
    const lesson = ids.lesson!;
    await prisma.$executeRaw`
      INSERT INTO enterprise (id, name, "creditCode", "zoneId", "industryId", "riskLevel", address, "contactName", "contactPhone", "updatedAt")
      SELECT gen_random_uuid(), '规模企业' || g, 'SCALE' || lpad(g::text, 13, '0'),
        (SELECT id FROM zone ORDER BY code OFFSET g % (SELECT count(*) FROM zone) LIMIT 1),
        CASE WHEN g <= 100 THEN ${ids.hazchem}::uuid ELSE ${ids.metal}::uuid END, 'BLUE', '滨海新区', '联系人', '022-00000000', now()
      FROM generate_series(1, 1100) g`;
    await prisma.$executeRaw`
      INSERT INTO programme_enterprise ("programmeId", "enterpriseId", category)
      SELECT ${p.id}::uuid, id, CASE WHEN name ~ '^规模企业([1-9]|[1-9][0-9]|100)$' THEN 'HAZARDOUS_CHEMICAL' ELSE 'KEY_INDUSTRIAL' END::"ProgrammeCategory"
      FROM enterprise WHERE "creditCode" LIKE 'SCALE%'`;
    await prisma.$executeRaw`
      INSERT INTO app_user (id, username, "passwordHash", "displayName", role, "enterpriseId", "updatedAt")
      SELECT gen_random_uuid(), 'scale' || g, 'x', '职工' || g, 'WORKER',
        (SELECT id FROM enterprise WHERE "creditCode" = 'SCALE' || lpad((1 + g % 1100)::text, 13, '0')), now()
      FROM generate_series(1, 10000) g`;
    await prisma.$executeRaw`
      INSERT INTO enrolment (id, "courseId", "userId", "enterpriseId", status, "completedAt")
      SELECT gen_random_uuid(), c.id, u.id, u."enterpriseId",
        CASE WHEN random() < 0.5 THEN 'COMPLETED' ELSE 'IN_PROGRESS' END::"EnrolmentStatus", now()
      FROM app_user u CROSS JOIN (VALUES (${ids.course1}::uuid), (${ids.course2}::uuid)) AS c(id)
      WHERE u.username LIKE 'scale%'`;
    await prisma.$executeRaw`
      INSERT INTO certificate (id, "enrolmentId", "userId", "courseId", "serialNo", "verificationCode", "validUntil")
      SELECT gen_random_uuid(), e.id, e."userId", e."courseId", 'S-' || e.id, 'SV-' || e.id, now() + interval '1 year'
      FROM enrolment e JOIN app_user u ON u.id = e."userId" WHERE u.username LIKE 'scale%' AND e.status = 'COMPLETED'`;
    await prisma.$executeRaw`
      INSERT INTO lesson_progress (id, "enrolmentId", "lessonId", "watchedSeconds", "updatedAt")
      SELECT gen_random_uuid(), e.id, ${lesson}::uuid, 30, now() - (random() * interval '60 days')
      FROM enrolment e JOIN app_user u ON u.id = e."userId" WHERE u.username LIKE 'scale%' AND e."courseId" = ${ids.course1}::uuid`;
    // No ANALYZE (the application role may not, and autovacuum has not caught up): the worst case, statistics from before the import.

    const timings: number[] = [];
    let body: { totals: Record<string, number> } | undefined;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await get('admin', `/api/training/programme/dashboard?programmeId=${p.id}`);
      timings.push(performance.now() - started);
      expect(res.statusCode).toBe(200);
      body = res.json();
    }
    const started = performance.now();
    const list = await get('admin', `/api/training/programme/enterprises?programmeId=${p.id}&pageSize=50`);
    const listMs = performance.now() - started;
    expect(list.json().total).toBe(1100);
    expect(body!.totals).toMatchObject({ hazardousEnrolled: 100, keyEnrolled: 1000, workers: 10000, workersEnrolled: 10000 });
    expect(body!.totals.workersCertified).toBe(body!.totals.workersTrained);
    console.log(
      `[programme] dashboard over 1,100 enterprises / 10,000 workers / 20,000 enrolments: ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms; enrolled list page: ${listMs.toFixed(0)} ms`,
    );
  }, 120_000);
});
