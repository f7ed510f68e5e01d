import {
  AuditService, AuthService, EnterpriseAccess, EnterpriseService, MediaService, MeetingService, ShiftService, TeamService, UploadService, UserService, ZoneService,
} from '@platform/core';
import { uploadPolicyOf } from '@platform/config';
import type { Repositories } from '@platform/db';
import { sniffFile } from '@platform/media';
import type { ApiConfig } from './config.ts';
import type { MediaRuntime } from './media-runtime.ts';

/** Every domain service, wired over the repositories. Built once per process. */
export function createServices(repos: Repositories, runtime: MediaRuntime, config: ApiConfig) {
  const access = new EnterpriseAccess(async (id) => {
    const e = await repos.enterprises.findById(id);
    return e ? { id: e.id, zoneId: e.zoneId } : null;
  }, repos.audit);
  const media = new MediaService(repos.media, runtime.store, access, repos.audit, { signingSecret: runtime.signingSecret, linkTtlSeconds: config.mediaLinkTtlSeconds });
  return {
    audit: new AuditService(repos.audit),
    auth: new AuthService(repos.auth, repos.audit, config.auth),
    uploads: new UploadService(repos.media, runtime.store, runtime.queue, access, repos.audit, sniffFile, uploadPolicyOf(config.media), runtime.events),
    media,
    meetings: new MeetingService(repos.meetings, media, access, repos.audit, runtime.events),
    zones: new ZoneService(repos.zones, repos.industries, repos.audit),
    enterprises: new EnterpriseService(repos.enterprises, repos.zones, repos.industries, access, repos.audit),
    teams: new TeamService(repos.teams, repos.shifts, access, repos.audit),
    shifts: new ShiftService(repos.shifts, access, repos.audit),
    users: new UserService(repos.users, repos.enterprises, repos.zones, repos.audit),
  };
}

export type Services = ReturnType<typeof createServices>;
