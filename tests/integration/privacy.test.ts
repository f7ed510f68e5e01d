import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Defect 7: workers saw colleagues' phone numbers and employee numbers through the team roster.
// Personal data is now cut down per role (PIPL minimisation).

let t: TestApp;
let enterpriseId: string;
let teamId: string;
const colleaguePhone = '13912345678';
const colleagueNo = 'EMP-7788';
const ownPhone = '13700001111';
const ownNo = 'EMP-0001';

beforeAll(async () => {
  t = await createTestApp();
  const { prisma } = t.platform;
  const worker = await prisma.user.findUniqueOrThrow({ where: { username: 'worker1' }, include: { teamMember: true } });
  enterpriseId = worker.enterpriseId!;
  teamId = worker.teamMember!.teamId;
  await prisma.teamMember.update({ where: { id: worker.teamMember!.id }, data: { phone: ownPhone, employeeNo: ownNo } });
  await prisma.teamMember.create({ data: { teamId, name: '同事 赵六', employeeNo: colleagueNo, position: '班长', phone: colleaguePhone } });
  await prisma.user.update({ where: { id: worker.id }, data: { phone: ownPhone } });
});
afterAll(() => t.close());

const get = async (username: string, url: string) => {
  const res = await t.app.inject({ url, headers: { cookie: await t.login(username) } });
  expect(res.statusCode).toBe(200);
  return res;
};
type Member = { name: string; employeeNo: string | null; position: string | null; phone: string | null };

describe('team roster', () => {
  it("gives a worker colleagues' names and positions only, and their own record in full", async () => {
    for (const url of [`/api/enterprises/${enterpriseId}/teams`, `/api/teams/${teamId}`]) {
      const res = await get('worker1', url);
      expect(res.body).not.toContain(colleaguePhone);
      expect(res.body).not.toContain(colleagueNo);
      expect(res.body).not.toContain('139****5678');
      const body = res.json();
      const team = Array.isArray(body) ? body.find((x: { id: string }) => x.id === teamId) : body;
      const members = team.members as Member[];
      expect(members.find((m) => m.name === '同事 赵六')).toMatchObject({ position: '班长', phone: null, employeeNo: null });
      expect(members.find((m) => m.phone === ownPhone)).toMatchObject({ employeeNo: ownNo, position: '操作工' });
      expect(members.every((m) => m === members.find((x) => x.phone === ownPhone) || (m.phone === null && m.employeeNo === null))).toBe(
        true,
      );
    }
  });

  it("gives the enterprise's officer the whole roster", async () => {
    const res = await get('officer1', `/api/teams/${teamId}`);
    expect(res.json().members).toContainEqual(expect.objectContaining({ phone: colleaguePhone, employeeNo: colleagueNo }));
  });

  it('masks phones for bureau roles', async () => {
    for (const who of ['inspector', 'command']) {
      const res = await get(who, `/api/teams/${teamId}`);
      expect(res.body).not.toContain(colleaguePhone);
      expect(res.json().members).toContainEqual(expect.objectContaining({ name: '同事 赵六', phone: '139****5678' }));
    }
  });
});

describe('account lists', () => {
  it('mask phones for the system administrator and show them in full to whoever opens an account they manage', async () => {
    const worker = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'worker1' } });
    const list = await get('admin', '/api/users?q=worker1');
    expect(list.body).not.toContain(ownPhone);
    expect(list.json().items).toContainEqual(expect.objectContaining({ username: 'worker1', phone: '137****1111' }));
    expect((await get('admin', `/api/users/${worker.id}`)).json().phone).toBe(ownPhone);
  });

  it("show an enterprise officer their own people's phones", async () => {
    const list = await get('officer1', '/api/users?q=worker1');
    expect(list.json().items).toContainEqual(expect.objectContaining({ username: 'worker1', phone: ownPhone }));
  });
});

describe('enterprise contacts', () => {
  it('are shown to bureau roles and masked for workers', async () => {
    const contact = (await t.platform.prisma.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } })).contactPhone;
    expect((await get('inspector', `/api/enterprises/${enterpriseId}`)).json().contactPhone).toBe(contact);
    const seenByWorker = await get('worker1', `/api/enterprises/${enterpriseId}`);
    expect(seenByWorker.body).not.toContain(contact);
    expect(seenByWorker.json().contactPhone).toMatch(/\*{4}/);
  });
});
