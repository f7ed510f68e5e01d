// Worker accounts made by an enterprise's safety officer: from CSV (UTF-8 and GBK) and XLSX files
// checked row by row with nothing imported while one row is wrong, one by one, masked for the
// bureau, invisible to other enterprises, and enrolled in a course by whole teams.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { idNumberCheckCharacter } from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let enterprise1: string;
let enterprise2: string;
let teamName: string;
let teamId: string;
let courseId: string;

/** A valid ID number of someone born in 滨海新区 on 1990-03-<day>, sequence `seq`. */
function idNumber(day: number, seq: number): string {
  const first17 = `12011619900${3}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}
/** The same with its last character wrong. */
function badCheckDigit(id: string): string {
  return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
}

const HEADER = '姓名,手机号,身份证号,工号,班组,岗位';

function importFile(body: Buffer | string, cookie: string, contentType = 'text/csv') {
  return t.app.inject({
    method: 'POST',
    url: '/api/enterprise/workers/import',
    headers: { cookie, 'content-type': contentType },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });
}

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

const usersWithPhones = (phones: string[]) => t.platform.prisma.user.count({ where: { phone: { in: phones } } });

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['officer1', 'officer2', 'inspector', 'zone1', 'worker1']) cookies[user] = await t.login(user);
  const prisma = t.platform.prisma;
  enterprise1 = (await prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } })).enterpriseId!;
  enterprise2 = (await prisma.user.findUniqueOrThrow({ where: { username: 'officer2' } })).enterpriseId!;
  const team = await prisma.team.findFirstOrThrow({ where: { enterpriseId: enterprise1, active: true }, orderBy: { name: 'desc' } });
  teamName = team.name;
  teamId = team.id;
  // A roster entry without an account: the import links the worker with this employee no. to it.
  await prisma.teamMember.create({ data: { teamId, name: '周建国', employeeNo: 'W-100' } });
  courseId = (
    await prisma.course.create({
      data: {
        code: 'TEST-WORKERS-1',
        title: '职工导入测试课程',
        category: '测试',
        published: true,
        lessons: { create: [{ position: 1, title: '第一课', kind: 'POSTER', required: true }] },
      },
    })
  ).id;
});
afterAll(() => t?.close());

describe('worker import', () => {
  const rows = [
    `周建国,139 0000 1001,${idNumber(1, 11)},W-100,TEAM,操作工`,
    `吴晓梅,13900001002,${idNumber(2, 22)},W-101,TEAM,`,
    `郑海,+86 13900001003,${idNumber(3, 33)},,,巡检工`,
  ];
  const phones = ['13900001001', '13900001002', '13900001003'];
  const csv = (lines: string[]) => `\uFEFF${HEADER}\r\n${lines.map((l) => l.replace('TEAM', teamName)).join('\r\n')}\r\n`;

  it('reports a bad row by row number and column and creates nobody', async () => {
    const bad = [...rows];
    bad[2] = `郑海,13900001003,${badCheckDigit(idNumber(3, 33))},,,巡检工`;
    const res = await importFile(csv(bad), cookies.officer1!);
    expect(res.statusCode).toBe(400);
    const good = idNumber(3, 33);
    expect(res.json().error.details).toEqual([
      {
        field: 'rows.4.idNumber',
        code: 'ID_NUMBER_CHECK_DIGIT',
        params: { expected: good[17], actual: badCheckDigit(good)[17] },
        message: expect.any(String),
      },
    ]);
    expect(await usersWithPhones(phones)).toBe(0);
  });

  it('imports the fixed file in one go, with one-time passwords, rosters linked, and a first login that must change the password', async () => {
    const res = await importFile(csv(rows), cookies.officer1!);
    expect(res.statusCode).toBe(201);
    const created = res.json().created as { id: string; username: string; phone: string; idNumber: string; initialPassword: string }[];
    expect(created.map((c) => c.username)).toEqual(phones);
    // The officer who typed them sees them in full in the answer.
    expect(created[0]).toMatchObject({ displayName: '周建国', phone: '13900001001', idNumber: idNumber(1, 11), employeeNo: 'W-100' });
    expect(created[0]!.initialPassword).toMatch(/^[A-Za-z0-9]{12}$/);

    const prisma = t.platform.prisma;
    const accounts = await prisma.user.findMany({ where: { phone: { in: phones } }, include: { teamMember: true } });
    expect(accounts.every((a) => a.role === 'WORKER' && a.enterpriseId === enterprise1 && a.mustChangePassword)).toBe(true);
    // 周建国 took over the roster entry that was there; 吴晓梅 got a new one; 郑海 has no team.
    const byName = Object.fromEntries(accounts.map((a) => [a.displayName, a]));
    expect(await prisma.teamMember.count({ where: { teamId, name: '周建国' } })).toBe(1);
    expect(byName['周建国']!.teamMember).toMatchObject({ teamId, employeeNo: 'W-100', position: '操作工', phone: '13900001001' });
    expect(byName['吴晓梅']!.teamMember).toMatchObject({ teamId, employeeNo: 'W-101' });
    expect(byName['郑海']!.teamMember).toBeNull();

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: phones[0], password: created[0]!.initialPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(JSON.stringify(login.json())).toContain('PASSWORD');
  });

  it('reports duplicates within the file and against existing accounts, and an unknown team', async () => {
    // An account made before (whatever the seed gave it): its phone and ID number are taken.
    const worker1 = await t.platform.prisma.user.update({
      where: { username: 'worker1' },
      data: { phone: '13900002003', idNumber: idNumber(4, 43) },
    });
    const res = await importFile(
      csv([
        `甲,13900002001,${idNumber(4, 44)},,,`,
        `乙,13900002001,${idNumber(4, 44)},,,`,
        `丙,${worker1.phone},${worker1.idNumber},,,`,
        `丁,13900002004,${idNumber(5, 55)},,不存在的班组,`,
      ]),
      cookies.officer1!,
    );
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { field: string; code: string; params?: Record<string, unknown> }[];
    expect(details.map((d) => [d.field, d.code, d.params])).toEqual([
      ['rows.3.phone', 'DUPLICATE_IN_FILE', { row: 2 }],
      ['rows.3.idNumber', 'DUPLICATE_IN_FILE', { row: 2 }],
      ['rows.4.phone', 'PHONE_TAKEN', undefined],
      ['rows.4.idNumber', 'ID_NUMBER_TAKEN', undefined],
      ['rows.5.teamName', 'WORKER_TEAM_UNKNOWN', { team: '不存在的班组' }],
    ]);
    expect(await usersWithPhones(['13900002001', '13900002004'])).toBe(0);
  });

  it('reads a GBK-encoded CSV as Chinese Excel saves it', async () => {
    const text = `${HEADER}\r\n钱学森,13900003001,${idNumber(6, 66)},G-1,,工程师\r\n`;
    const res = await importFile(iconv.encode(text, 'gbk'), cookies.officer1!, 'application/octet-stream');
    expect(res.statusCode).toBe(201);
    expect(res.json().created[0]).toMatchObject({ displayName: '钱学森', phone: '13900003001' });
  });

  it('reads an XLSX file, whole-number cells included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('职工名单');
    sheet.addRow(['姓名*', '手机号*', '身份证号*', '工号', '班组', '岗位']);
    // The phone typed as a number, as Excel does unless the column is text.
    sheet.addRow(['冯雪', 13900004001, idNumber(7, 77), 'X-1', teamName, '']);
    sheet.addRow([]);
    sheet.addRow(['褚云', '13900004002', idNumber(8, 88).toLowerCase(), '', '', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await importFile(bytes, cookies.officer1!, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode).toBe(201);
    expect(res.json().created.map((c: { phone: string; idNumber: string }) => [c.phone, c.idNumber])).toEqual([
      ['13900004001', idNumber(7, 77)],
      ['13900004002', idNumber(8, 88)],
    ]);
  });

  it('names a missing column, an empty file and a file that is no table', async () => {
    const missing = await importFile('姓名,手机号,工号\r\n张三,13900005001,1\r\n', cookies.officer1!);
    expect(missing.json().error.details).toEqual([
      expect.objectContaining({ field: 'file', code: 'WORKER_IMPORT_COLUMN_MISSING', params: { column: '身份证号' } }),
    ]);
    const empty = await importFile(`${HEADER}\r\n,,,,,\r\n`, cookies.officer1!);
    expect(empty.json().error.details).toEqual([expect.objectContaining({ field: 'file', code: 'WORKER_IMPORT_EMPTY' })]);
    const nothing = await importFile(Buffer.alloc(0), cookies.officer1!);
    expect(nothing.json().error.details).toEqual([expect.objectContaining({ field: 'file', code: 'WORKER_IMPORT_EMPTY' })]);
    const pdf = await importFile(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), cookies.officer1!, 'application/pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.details).toEqual([expect.objectContaining({ field: 'file', code: 'WORKER_IMPORT_NOT_A_TABLE' })]);
    const zip = await importFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), cookies.officer1!);
    expect(zip.json().error.details).toEqual([expect.objectContaining({ field: 'file', code: 'WORKER_IMPORT_UNREADABLE' })]);
  });

  it('refuses 2,001 rows and imports 2,000 in one go', async () => {
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const first17 = `120116${1980 + Math.floor(i / 1000)}0101${String(i % 1000).padStart(3, '0')}`;
        return `批量${i},1370${String(i).padStart(7, '0')},${first17}${idNumberCheckCharacter(first17)},,,`;
      });
    const tooMany = await importFile(csv(lines(2001)), cookies.officer1!);
    expect(tooMany.json().error.details).toEqual([
      expect.objectContaining({ field: 'file', code: 'WORKER_IMPORT_TOO_MANY_ROWS', params: { limit: 2000, count: 2001 } }),
    ]);
    const started = Date.now();
    const res = await importFile(csv(lines(2000)), cookies.officer1!);
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toHaveLength(2000);
    expect(await t.platform.prisma.user.count({ where: { phone: { startsWith: '1370' }, enterpriseId: enterprise1 } })).toBe(2000);
    console.log(`2,000-row import: ${Date.now() - started} ms`);
  }, 180_000);

  it('is for enterprise officers only, and the template downloads with the Chinese header', async () => {
    expect((await importFile(`${HEADER}\r\n`, cookies.worker1!)).statusCode).toBe(403);
    expect((await importFile(`${HEADER}\r\n`, cookies.inspector!)).statusCode).toBe(403);
    const csvTemplate = await get('/api/enterprise/workers/template?format=csv', cookies.officer1!);
    expect(csvTemplate.body).toBe(`\uFEFF${HEADER}\r\n`);
    const xlsx = await get('/api/enterprise/workers/template', cookies.officer1!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
  });
});

describe('one worker at a time', () => {
  it('names the bad phone and ID number, then creates the account with an initial password and deactivates it', async () => {
    const bad = await send('POST', '/api/enterprise/workers', cookies.officer1!, {
      displayName: '卫东',
      phone: '022-2555123',
      idNumber: badCheckDigit(idNumber(9, 99)),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['phone', 'PHONE_NOT_MOBILE'],
      ['idNumber', 'ID_NUMBER_CHECK_DIGIT'],
    ]);
    const res = await send('POST', '/api/enterprise/workers', cookies.officer1!, {
      displayName: '卫东',
      phone: '13900006001',
      idNumber: idNumber(9, 99),
      employeeNo: 'W-9',
      teamId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: '13900006001', team: { id: teamId }, employeeNo: 'W-9', active: true });
    const again = await send('POST', '/api/enterprise/workers', cookies.officer1!, {
      displayName: '卫东二',
      phone: '13900006001',
      idNumber: idNumber(10, 101),
    });
    expect(again.json().error.details).toEqual([expect.objectContaining({ field: 'phone', code: 'PHONE_TAKEN' })]);
    const off = await send('PATCH', `/api/enterprise/workers/${res.json().id}`, cookies.officer1!, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const reset = await send('POST', `/api/enterprise/workers/${res.json().id}/password`, cookies.officer1!);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().initialPassword).not.toBe(res.json().initialPassword);
  });
});

describe('privacy and tenants', () => {
  it('shows the officer phones in the list and the ID number only on the worker page; the bureau sees both masked', async () => {
    const list = await get('/api/enterprise/workers?q=周建国', cookies.officer1!);
    const [zhou] = list.json().items;
    expect(zhou).toMatchObject({ phone: '13900001001', idNumber: expect.stringMatching(/^120\*{11}\w{4}$/) });
    const detail = await get(`/api/enterprise/workers/${zhou.id}`, cookies.officer1!);
    expect(detail.json().idNumber).toBe(idNumber(1, 11));
    for (const who of ['inspector', 'zone1']) {
      const seen = await get(`/api/enterprise/workers?enterpriseId=${enterprise1}&q=周建国`, cookies[who]!);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().items[0]).toMatchObject({ phone: '139****1001', idNumber: expect.stringMatching(/^120\*{11}\w{4}$/) });
      const one = await get(`/api/enterprise/workers/${zhou.id}`, cookies[who]!);
      expect(one.json()).toMatchObject({ phone: '139****1001', idNumber: expect.stringMatching(/^120\*+/) });
    }
    // zone1 supervises TEDA; officer2's enterprise is elsewhere.
    expect((await get(`/api/enterprise/workers?enterpriseId=${enterprise2}`, cookies.zone1!)).statusCode).toBe(404);
  });

  it("keeps workers from listing anyone, and officer2 from officer1's workers", async () => {
    expect((await get('/api/enterprise/workers', cookies.worker1!)).statusCode).toBe(403);
    expect((await get('/api/training/enrolments', cookies.worker1!)).statusCode).toBe(403);
    const zhou = (await get('/api/enterprise/workers?q=周建国', cookies.officer1!)).json().items[0];
    const mine = await get('/api/enterprise/workers?status=all&pageSize=200', cookies.officer2!);
    expect(mine.json().items.map((w: { id: string }) => w.id)).not.toContain(zhou.id);
    expect(mine.json().items.every((w: { enterprise: { id: string } }) => w.enterprise.id === enterprise2)).toBe(true);
    expect((await get(`/api/enterprise/workers/${zhou.id}`, cookies.officer2!)).statusCode).toBe(404);
    expect((await get(`/api/enterprise/workers?enterpriseId=${enterprise1}`, cookies.officer2!)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/enterprise/workers/${zhou.id}`, cookies.officer2!, { active: false })).statusCode).toBe(404);
    const enrol = await send('POST', '/api/training/enrolments', cookies.officer2!, { courseId, userIds: [zhou.id], teamIds: [teamId] });
    expect(enrol.statusCode).toBe(400);
    expect(enrol.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['userIds.0', 'REFERENCE_NOT_FOUND'],
      ['teamIds.0', 'REFERENCE_NOT_FOUND'],
    ]);
    expect(await t.platform.prisma.enrolment.count({ where: { userId: zhou.id } })).toBe(0);
  });
});

describe('enrolment', () => {
  it('enrols a whole team once, lists progress, and un-enrols only while nothing was learned', async () => {
    const prisma = t.platform.prisma;
    const onTeam = await prisma.teamMember.count({ where: { teamId, active: true, user: { role: 'WORKER', active: true } } });
    expect(onTeam).toBeGreaterThanOrEqual(2);
    const first = await send('POST', '/api/training/enrolments', cookies.officer1!, { courseId, teamIds: [teamId] });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: onTeam, already: 0 });
    const zheng = (await get('/api/enterprise/workers?q=郑海', cookies.officer1!)).json().items[0];
    const second = await send('POST', '/api/training/enrolments', cookies.officer1!, { courseId, teamIds: [teamId], userIds: [zheng.id] });
    expect(second.json()).toEqual({ created: 1, already: onTeam });

    const list = await get(`/api/training/enrolments?courseId=${courseId}&pageSize=200`, cookies.officer1!);
    expect(list.json().total).toBe(onTeam + 1);
    expect(list.json().items[0]).toMatchObject({
      course: { id: courseId },
      status: 'ENROLLED',
      lessonsCompleted: 0,
      lessonsRequired: 1,
      certificate: null,
    });
    const courses = await get('/api/training/enrolment-courses', cookies.officer1!);
    expect(courses.json().find((c: { id: string }) => c.id === courseId)).toMatchObject({ enrolled: onTeam + 1, lessonCount: 1 });
    expect((await get(`/api/training/enrolments?courseId=${courseId}`, cookies.officer2!)).json().total).toBe(0);

    const items = list.json().items as { id: string; worker: { id: string } }[];
    const started = items[0]!;
    const untouched = items[1]!;
    const lesson = await prisma.lesson.findFirstOrThrow({ where: { courseId } });
    await prisma.lessonProgress.create({ data: { enrolmentId: started.id, lessonId: lesson.id, watchedSeconds: 30 } });
    const refused = await send('DELETE', `/api/training/enrolments/${started.id}`, cookies.officer1!);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ENROLMENT_HAS_PROGRESS');
    expect((await send('DELETE', `/api/training/enrolments/${untouched.id}`, cookies.officer2!)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/training/enrolments/${untouched.id}`, cookies.officer1!)).statusCode).toBe(204);
    expect(await prisma.enrolment.count({ where: { courseId } })).toBe(onTeam);
  });

  it('refuses an unpublished course and an enrolment of nobody', async () => {
    const draft = await t.platform.prisma.course.create({ data: { code: 'TEST-WORKERS-DRAFT', title: '草稿', category: '测试' } });
    const zheng = (await get('/api/enterprise/workers?q=郑海', cookies.officer1!)).json().items[0];
    const unpublished = await send('POST', '/api/training/enrolments', cookies.officer1!, { courseId: draft.id, userIds: [zheng.id] });
    expect(unpublished.json().error.details).toEqual([expect.objectContaining({ field: 'courseId', code: 'COURSE_NOT_PUBLISHED' })]);
    const nobody = await send('POST', '/api/training/enrolments', cookies.officer1!, { courseId });
    expect(nobody.json().error.details).toEqual([expect.objectContaining({ field: 'userIds', code: 'ENROLMENT_NOBODY' })]);
  });
});
