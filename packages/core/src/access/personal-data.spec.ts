import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { enterpriseFor, teamFor, userInListFor } from './personal-data.ts';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: 'u-self',
  username: 'x',
  role,
  enterpriseId: null,
  zoneId: null,
  ...extra,
});

const team = {
  id: 't1',
  enterpriseId: 'e1',
  name: '一班',
  leaderName: null,
  active: true,
  shiftIds: [],
  members: [
    { id: 'm1', name: '刘洋', employeeNo: 'E001', position: '操作工', phone: '13812345678', userId: 'u-self' },
    { id: 'm2', name: '张三', employeeNo: 'E002', position: '班长', phone: '13900001111', userId: 'u-other' },
    { id: 'm3', name: '李四', employeeNo: 'E003', position: null, phone: null, userId: null },
  ],
};

describe('teamFor', () => {
  it("shows a worker colleagues' names and positions only, and their own record in full", () => {
    const seen = teamFor(actor('WORKER', { enterpriseId: 'e1' }), team);
    expect(seen.members).toEqual([
      { id: 'm1', name: '刘洋', employeeNo: 'E001', position: '操作工', phone: '13812345678' },
      { id: 'm2', name: '张三', employeeNo: null, position: '班长', phone: null },
      { id: 'm3', name: '李四', employeeNo: null, position: null, phone: null },
    ]);
  });

  it("shows the enterprise's officer and system administrators everything, without account ids", () => {
    for (const who of [actor('ENTERPRISE_OFFICER', { enterpriseId: 'e1' }), actor('ADMIN')]) {
      expect(teamFor(who, team).members[1]).toEqual({ id: 'm2', name: '张三', employeeNo: 'E002', position: '班长', phone: '13900001111' });
    }
  });

  it('masks phones for bureau roles', () => {
    expect(teamFor(actor('INSPECTOR', { userId: 'u-inspector' }), team).members.map((m) => m.phone)).toEqual([
      '138****5678',
      '139****1111',
      null,
    ]);
    expect(teamFor(actor('ZONE_OFFICER', { zoneId: 'z' }), team).members[1]?.phone).toBe('139****1111');
  });
});

describe('enterpriseFor', () => {
  const enterprise = { id: 'e1', contactPhone: '13812345678' };
  it('shows bureau roles and its own officer the contact phone, and masks it for others', () => {
    expect(enterpriseFor(actor('INSPECTOR'), enterprise).contactPhone).toBe('13812345678');
    expect(enterpriseFor(actor('ENTERPRISE_OFFICER', { enterpriseId: 'e1' }), enterprise).contactPhone).toBe('13812345678');
    expect(enterpriseFor(actor('WORKER', { enterpriseId: 'e1' }), enterprise).contactPhone).toBe('138****5678');
  });
});

describe('userInListFor', () => {
  it('masks phones in account lists except for enterprise officers listing their own people', () => {
    expect(userInListFor(actor('ADMIN'), { phone: '13812345678' }).phone).toBe('138****5678');
    expect(userInListFor(actor('SECURITY_ADMIN'), { phone: '13812345678' }).phone).toBe('138****5678');
    expect(userInListFor(actor('ENTERPRISE_OFFICER', { enterpriseId: 'e1' }), { phone: '13812345678' }).phone).toBe('13812345678');
  });
});
