import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { canSeeEvent } from '../events/event-scope.ts';
import { canManageEnterprise, enterpriseScopeOf, meetingScopeOf, requireRole, scopeIncludes } from './scope.ts';

const base: Actor = { userId: 'u', username: 'u', role: 'ADMIN', enterpriseId: null, zoneId: null };
const inZoneA = { id: 'e1', zoneId: 'zA' };
const inZoneB = { id: 'e2', zoneId: 'zB' };

describe('enterprise scope', () => {
  it('gives bureau roles everything', () => {
    for (const role of ['ADMIN', 'INSPECTOR', 'COMMAND_OPERATOR'] as const) {
      expect(scopeIncludes(enterpriseScopeOf({ ...base, role }), inZoneB)).toBe(true);
    }
  });

  it('limits a zone officer to the zone', () => {
    const scope = enterpriseScopeOf({ ...base, role: 'ZONE_OFFICER', zoneId: 'zA' });
    expect(scopeIncludes(scope, inZoneA)).toBe(true);
    expect(scopeIncludes(scope, inZoneB)).toBe(false);
  });

  it('limits enterprise users to their enterprise and gives nothing when unassigned', () => {
    const officer = enterpriseScopeOf({ ...base, role: 'ENTERPRISE_OFFICER', enterpriseId: 'e1' });
    expect(scopeIncludes(officer, inZoneA)).toBe(true);
    expect(scopeIncludes(officer, inZoneB)).toBe(false);
    expect(enterpriseScopeOf({ ...base, role: 'WORKER' })).toEqual({ kind: 'none' });
  });

  it('keeps workers out of meetings, and their media and events, even in their own enterprise', () => {
    const worker = { ...base, role: 'WORKER' as const, enterpriseId: 'e1' };
    expect(scopeIncludes(enterpriseScopeOf(worker), inZoneA)).toBe(true);
    expect(meetingScopeOf(worker)).toEqual({ kind: 'none' });
    expect(canSeeEvent(worker, { type: 'meeting.reported', meetingId: 'm', enterpriseId: 'e1', zoneId: 'zA' })).toBe(false);
    const officer = { ...base, role: 'ENTERPRISE_OFFICER' as const, enterpriseId: 'e1' };
    expect(meetingScopeOf(officer)).toEqual(enterpriseScopeOf(officer));
    expect(canSeeEvent(officer, { type: 'meeting.reported', meetingId: 'm', enterpriseId: 'e1', zoneId: 'zA' })).toBe(true);
  });

  it('lets only admins and the own officer manage an enterprise', () => {
    expect(canManageEnterprise({ ...base, role: 'ENTERPRISE_OFFICER', enterpriseId: 'e1' }, 'e1')).toBe(true);
    expect(canManageEnterprise({ ...base, role: 'ENTERPRISE_OFFICER', enterpriseId: 'e1' }, 'e2')).toBe(false);
    expect(canManageEnterprise({ ...base, role: 'INSPECTOR' }, 'e1')).toBe(false);
    expect(() => requireRole({ ...base, role: 'WORKER' }, 'ADMIN')).toThrow(/ADMIN/);
  });
});
