import {
  AccountLockService,
  AuditService,
  AuthService,
  EnterpriseService,
  LoginThrottle,
  MediaService,
  MeetingService,
  SessionService,
  ShiftService,
  TeamService,
  UserService,
  ZoneService,
} from '@platform/core';
import type { Repositories } from '@platform/db';
import type { ApiConfig } from './config.ts';
import { cachedLinkHolderCheck } from './link-holder-check.ts';
import type { MediaRuntime } from './media-runtime.ts';

/**
 * Every domain service, wired over the repositories. Built once per process; the enterprise gate
 * and the upload service come from the media runtime, which the worker shares.
 */
export function createServices(repos: Repositories, runtime: MediaRuntime, config: ApiConfig, now: () => Date) {
  const { access } = runtime;
  const sessions = new SessionService(repos.sessions, repos.audit, runtime.events, { ...config.sessions, ...config.auth }, now);
  const media = new MediaService(
    repos.media,
    runtime.mediaStore,
    access,
    repos.audit,
    { signingSecret: runtime.signingSecret, linkTtlSeconds: config.mediaLinkTtlSeconds },
    cachedLinkHolderCheck(sessions, runtime.events, config.sessions.linkCheckSeconds * 1000),
    now,
  );
  return {
    audit: new AuditService(repos.audit),
    auth: new AuthService(repos.auth, repos.audit, sessions, new LoginThrottle(repos.loginThrottles, config.loginThrottle), config.auth, now),
    accountLocks: new AccountLockService(
      { usernameOf: async (id) => (await repos.users.findById(id))?.username ?? null },
      repos.loginThrottles,
      repos.audit,
      now,
    ),
    sessions,
    uploads: runtime.uploads,
    media,
    meetings: new MeetingService(repos.meetings, media, access, repos.audit, runtime.events, now),
    zones: new ZoneService(repos.zones, repos.industries, repos.audit),
    enterprises: new EnterpriseService(repos.enterprises, repos.zones, repos.industries, access, repos.audit),
    teams: new TeamService(repos.teams, repos.shifts, access, repos.audit),
    shifts: new ShiftService(repos.shifts, access, repos.audit),
    users: new UserService(repos.users, repos.enterprises, repos.zones, repos.audit, sessions),
  };
}

export type Services = ReturnType<typeof createServices>;
