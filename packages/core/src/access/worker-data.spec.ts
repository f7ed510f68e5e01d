import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { workerFor } from './worker-data.ts';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: 'u-self',
  username: 'x',
  role,
  enterpriseId: null,
  zoneId: null,
  ...extra,
});

const worker = {
  id: 'w1',
  username: '13812345678',
  displayName: '刘洋',
  phone: '13812345678',
  idNumber: '120101199003071235',
  employeeNo: 'E001',
  position: null,
  team: null,
  enterprise: { id: 'e1', name: '甲化工' },
  active: true,
  lastLoginAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('workerFor', () => {
  it("shows the enterprise's officer the phone everywhere and the ID number only on the worker's page", () => {
    const officer = actor('ENTERPRISE_OFFICER', { enterpriseId: 'e1' });
    expect(workerFor(officer, worker, 'list')).toMatchObject({ phone: '13812345678', idNumber: '120***********1235' });
    expect(workerFor(officer, worker, 'detail')).toMatchObject({ phone: '13812345678', idNumber: '120101199003071235' });
  });

  it("masks both for another enterprise's officer and for every bureau role, on lists and details", () => {
    for (const who of [
      actor('ENTERPRISE_OFFICER', { enterpriseId: 'e2' }),
      actor('ADMIN'),
      actor('INSPECTOR'),
      actor('ZONE_OFFICER', { zoneId: 'z' }),
      actor('COMMAND_OPERATOR'),
    ]) {
      for (const view of ['list', 'detail'] as const) {
        expect(workerFor(who, worker, view)).toMatchObject({ phone: '138****5678', idNumber: '120***********1235' });
      }
    }
  });
});
