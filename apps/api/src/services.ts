import {
  AuditService, AuthService, EnterpriseAccess, EnterpriseService, ShiftService, TeamService, UserService, ZoneService, type AuthPolicy,
} from '@platform/core';
import type { Repositories } from '@platform/db';

/** Every domain service, wired over the repositories. Built once per process. */
export function createServices(repos: Repositories, authPolicy: AuthPolicy) {
  const access = new EnterpriseAccess(async (id) => {
    const e = await repos.enterprises.findById(id);
    return e ? { id: e.id, zoneId: e.zoneId } : null;
  }, repos.audit);
  return {
    audit: new AuditService(repos.audit),
    auth: new AuthService(repos.auth, repos.audit, authPolicy),
    zones: new ZoneService(repos.zones, repos.industries, repos.audit),
    enterprises: new EnterpriseService(repos.enterprises, repos.zones, repos.industries, access, repos.audit),
    teams: new TeamService(repos.teams, repos.shifts, access, repos.audit),
    shifts: new ShiftService(repos.shifts, access, repos.audit),
    users: new UserService(repos.users, repos.enterprises, repos.zones, repos.audit),
  };
}

export type Services = ReturnType<typeof createServices>;
