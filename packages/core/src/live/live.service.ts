import type { CreateLiveBody, LivePlayback, LivePublishing, LiveQuery, LiveStream, Page, Role } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { meetingScopeOf, requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import type { EventPublisher } from '../events/event.port.ts';
import { shanghaiDate } from '../meetings/shift-window.ts';
import type { LiveLinks } from './live-links.ts';
import type { CameraRepository, LiveIngest, LiveRecord, LiveRepository } from './live.port.ts';
import { liveStreamOf } from './live-view.ts';
import { hashStreamKey, newStreamKey, streamKeyPrefix } from './stream-key.ts';

/** Who watches lives and cameras: everyone who may see meetings (workers do not). */
export const LIVE_VIEWERS: Role[] = ['ADMIN', 'INSPECTOR', 'COMMAND_OPERATOR', 'ZONE_OFFICER', 'ENTERPRISE_OFFICER'];

export interface LivePolicy {
  limits: { perEnterprise: number; total: number; maxMinutes: number };
}

/** Where the ingest takes a live's stream from a viewer's link. */
export interface LiveSourcePath {
  /** Path on the ingest's internal HTTP, e.g. `/streams/live/<id>.flv` or `/streams/camera/<id>/hls/live.m3u8`. */
  path: string;
}

/**
 * 直播: an enterprise officer creates a live for a team and pushes to it with a secret key (shown
 * once, stored hashed), rotates or revokes the key, and ends it; everyone who may see the
 * enterprise's meetings lists the lives and watches those on air through signed links.
 */
export class LiveService {
  constructor(
    private readonly lives: LiveRepository,
    private readonly cameras: Pick<CameraRepository, 'findById'>,
    private readonly ingest: LiveIngest,
    private readonly links: LiveLinks,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
    private readonly policy: LivePolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `rtmpServer`: where encoders push, e.g. rtmp://live.example.cn:1935/live (no trailing slash). */
  async create(actor: Actor, input: CreateLiveBody, rtmpServer: string): Promise<LivePublishing> {
    requireRole(actor, 'ENTERPRISE_OFFICER');
    const team = await this.lives.findTeam(input.teamId);
    if (!team) throw new NotFoundError('team', input.teamId);
    await this.access.assertCanManage(actor, team.enterpriseId, { entityType: 'team', entityId: team.id });
    if (input.shiftId && !team.shiftIds.includes(input.shiftId))
      throw ValidationError.field('shiftId', 'SHIFT_NOT_IN_ENTERPRISE', 'not a shift this team works; assign it to the team first');
    await this.assertWithinLimits(team.enterpriseId);
    const key = newStreamKey();
    const id = await this.lives.create({
      enterpriseId: team.enterpriseId,
      teamId: team.id,
      shiftId: input.shiftId ?? null,
      meetingDate: shanghaiDate(this.now()),
      title: input.title,
      source: 'PUSH',
      cameraId: null,
      key: { hash: hashStreamKey(key), prefix: streamKeyPrefix(key) },
      createdById: actor.userId,
    });
    const live = await this.record(id);
    await this.recordAudit(actor, 'live.create', live, { teamId: team.id, shiftId: input.shiftId ?? null, title: input.title });
    return this.publishing(live, key, rtmpServer);
  }

  async list(actor: Actor, query: LiveQuery): Promise<Page<LiveStream>> {
    requireRole(actor, ...LIVE_VIEWERS);
    const page = await this.lives.list(meetingScopeOf(actor), query);
    return { ...page, items: page.items.map((live) => this.view(live)) };
  }

  async get(actor: Actor, id: string): Promise<LiveStream> {
    return this.view(await this.readable(actor, id));
  }

  /** A new key: the old one stops working and its publisher is dropped. Shown this once. */
  async rotateKey(actor: Actor, id: string, rtmpServer: string): Promise<LivePublishing> {
    const live = await this.manageablePush(actor, id);
    const key = newStreamKey();
    await this.lives.setKey(id, { hash: hashStreamKey(key), prefix: streamKeyPrefix(key) }, this.now());
    await this.recordAudit(actor, 'live.rotateKey', live, {});
    await this.dropPublisher(live);
    return this.publishing(await this.record(id), key, rtmpServer);
  }

  /** The key is refused from now on and the current publisher is dropped; a rotation makes a new one. */
  async revokeKey(actor: Actor, id: string): Promise<LiveStream> {
    const live = await this.manageablePush(actor, id);
    if (!live.revokedAt) {
      await this.lives.revokeKey(id, this.now());
      await this.recordAudit(actor, 'live.revoke', live, {});
    }
    await this.dropPublisher(live);
    return this.view(await this.record(id));
  }

  /**
   * Ends a live: one that never went on air is simply closed; one on air is ended by the ingest,
   * which stops it and turns the recording into the meeting's video.
   */
  async end(actor: Actor, id: string): Promise<LiveStream> {
    const live = await this.manageable(actor, id);
    if (live.status === 'ENDED') throw new ConflictError('LIVE_ENDED', 'This live has ended already.');
    if (live.status === 'IDLE' && (await this.lives.endIdle(id, this.now(), 'NEVER_STARTED'))) {
      await this.events.publish({
        type: 'live.changed',
        liveId: id,
        enterpriseId: live.enterprise.id,
        zoneId: live.enterprise.zoneId,
        status: 'ENDED',
        interrupted: false,
        meetingId: live.meetingId,
      });
    } else {
      // On air (or it went on air just now): the ingest stops it and records the end itself.
      await this.ingest.endLive(id, 'ENDED_BY_USER');
    }
    await this.recordAudit(actor, 'live.end', live, { wasOnAir: live.status === 'LIVE' });
    return this.view(await this.record(id));
  }

  /** Signed links to watch a live on air. */
  async play(actor: Actor, id: string): Promise<LivePlayback> {
    const live = await this.readable(actor, id);
    if (live.status === 'ENDED') throw new ConflictError('LIVE_ENDED', 'This live has ended.');
    if (live.status !== 'LIVE') throw new ConflictError('LIVE_NOT_LIVE', 'This live is not on air yet.');
    this.ingest.assertEnabled();
    return this.links.playback(actor, id);
  }

  /**
   * What a viewer's link reaches on the ingest: the link is checked (token, file, holder), then
   * its id is a live's or a camera's. Public by design: the token is the credential.
   */
  async openStream(id: string, token: string, path: string): Promise<LiveSourcePath> {
    const file = await this.links.open(id, token, path);
    this.ingest.assertEnabled();
    const rest = file.kind === 'flv' ? '.flv' : `/hls/${file.file}`;
    const live = await this.lives.findById(id);
    if (live) {
      if (live.status === 'ENDED') throw new NotFoundError('live', id);
      return { path: `/streams/live/${id}${rest}` };
    }
    if (await this.cameras.findById(id)) return { path: `/streams/camera/${id}${rest}` };
    throw new NotFoundError('live', id);
  }

  /** Throws LIVE_LIMIT_ENTERPRISE or LIVE_LIMIT_TOTAL when another live would pass a limit. */
  async assertWithinLimits(enterpriseId: string): Promise<void> {
    const { perEnterprise, total } = this.policy.limits;
    if ((await this.lives.countOpen(enterpriseId)) >= perEnterprise)
      throw new ConflictError('LIVE_LIMIT_ENTERPRISE', `The enterprise has ${perEnterprise} lives not ended; end one first.`, {
        params: { limit: perEnterprise },
      });
    if ((await this.lives.countOnAir()) >= total)
      throw new ConflictError('LIVE_LIMIT_TOTAL', `The platform is carrying ${total} lives, its most.`, { params: { limit: total } });
  }

  /** The API's view of a live. */
  view(live: LiveRecord): LiveStream {
    return liveStreamOf(live, this.policy.limits.maxMinutes);
  }

  private publishing(live: LiveRecord, key: string, rtmpServer: string): LivePublishing {
    const streamKey = `${live.id}?key=${key}`;
    return { live: this.view(live), server: rtmpServer, streamKey, url: `${rtmpServer}/${streamKey}` };
  }

  /** After a key change: a publisher with the old key must not stay on air. Nothing to drop without an ingest. */
  private async dropPublisher(live: LiveRecord): Promise<void> {
    if (live.status === 'ENDED') return;
    try {
      this.ingest.assertEnabled();
    } catch {
      return;
    }
    await this.ingest.disconnect(live.id);
  }

  private async record(id: string): Promise<LiveRecord> {
    const live = await this.lives.findById(id);
    if (!live) throw new NotFoundError('live', id);
    return live;
  }

  private async readable(actor: Actor, id: string): Promise<LiveRecord> {
    requireRole(actor, ...LIVE_VIEWERS);
    const live = await this.record(id);
    await this.access.assertCanRead(actor, live.enterprise.id, { entityType: 'live', entityId: id }, meetingScopeOf);
    return live;
  }

  private async manageable(actor: Actor, id: string): Promise<LiveRecord> {
    requireRole(actor, 'ENTERPRISE_OFFICER');
    const live = await this.record(id);
    await this.access.assertCanManage(actor, live.enterprise.id, { entityType: 'live', entityId: id });
    return live;
  }

  /** A push live not ended: only those have a key to rotate or revoke. */
  private async manageablePush(actor: Actor, id: string): Promise<LiveRecord> {
    const live = await this.manageable(actor, id);
    if (live.status === 'ENDED') throw new ConflictError('LIVE_ENDED', 'This live has ended; create a new one.');
    if (live.source !== 'PUSH') throw new ConflictError('CONFLICT', 'A camera live has no publish key.');
    return live;
  }

  private recordAudit(actor: Actor, action: string, live: LiveRecord, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({
      actor,
      action,
      entityType: 'live',
      entityId: live.id,
      entityLabel: live.title,
      enterpriseId: live.enterprise.id,
      outcome: 'SUCCESS',
      details,
    });
  }
}
