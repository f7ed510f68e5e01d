import type { Camera, CameraInput, CameraQuery, CameraUpdate, LivePlayback, LiveStream, Page, RecordCameraBody } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { meetingScopeOf, requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import { shanghaiDate } from '../meetings/shift-window.ts';
import type { LiveLinks } from './live-links.ts';
import type { CameraChange, CameraRecord, CameraRepository, LiveIngest, LiveRepository } from './live.port.ts';
import { LIVE_VIEWERS, type LiveService } from './live.service.ts';
import { cameraOf } from './live-view.ts';
import { hasCredentials, rtspUrlWithCredentials, withoutCredentials } from './rtsp-url.ts';

/**
 * Meeting-room cameras (RTSP), registered by the enterprise officer. The full address with its
 * credentials is sealed before it is stored and only the ingest's pull ever opens it; nothing the
 * API answers, logs or audits carries the credentials.
 */
export class CameraService {
  constructor(
    private readonly cameras: CameraRepository,
    private readonly lives: LiveRepository,
    private readonly liveService: Pick<LiveService, 'assertWithinLimits' | 'view'>,
    private readonly secrets: Pick<SecretBox, 'seal' | 'open'>,
    private readonly ingest: LiveIngest,
    private readonly links: LiveLinks,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, query: CameraQuery): Promise<Page<Camera>> {
    requireRole(actor, ...LIVE_VIEWERS);
    const page = await this.cameras.list(meetingScopeOf(actor), query);
    return { ...page, items: page.items.map((camera) => this.view(camera)) };
  }

  async get(actor: Actor, id: string): Promise<Camera> {
    return this.view(await this.readable(actor, id));
  }

  async create(actor: Actor, input: CameraInput): Promise<Camera> {
    requireRole(actor, 'ENTERPRISE_OFFICER');
    const enterpriseId = actor.enterpriseId;
    if (!enterpriseId) throw new NotFoundError('enterprise');
    await this.access.assertCanManage(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    if (input.teamId) await this.assertTeamOf(actor, enterpriseId, input.teamId);
    const url = fullAddress(input.rtspUrl, input.username, input.password);
    const shown = withoutCredentials(url);
    await this.assertAddressFree(enterpriseId, shown);
    const id = await this.cameras.create({
      enterpriseId,
      teamId: input.teamId ?? null,
      name: input.name,
      rtspUrlSealed: this.secrets.seal(url),
      rtspUrlShown: shown,
      transport: input.transport,
      autoRecord: input.autoRecord,
      createdById: actor.userId,
    });
    const camera = await this.find(id);
    await this.recordAudit(actor, 'camera.create', camera, {
      rtspUrl: shown,
      hasCredentials: hasCredentials(url),
      teamId: camera.team?.id ?? null,
      transport: camera.transport,
      autoRecord: camera.autoRecord,
    });
    return this.view(camera);
  }

  /** Fields left out keep their value; a new address or user name replaces the credentials with those given. */
  async update(actor: Actor, id: string, input: CameraUpdate): Promise<Camera> {
    const camera = await this.manageable(actor, id);
    const change: CameraChange = {};
    if (input.name !== undefined) change.name = input.name;
    if (input.teamId !== undefined) {
      if (input.teamId) await this.assertTeamOf(actor, camera.enterprise.id, input.teamId);
      change.teamId = input.teamId;
    }
    if (input.transport !== undefined) change.transport = input.transport;
    if (input.autoRecord !== undefined) change.autoRecord = input.autoRecord;
    let credentialsChanged = false;
    if (input.rtspUrl !== undefined || input.username !== undefined || input.password !== undefined) {
      const stored = this.secrets.open(camera.rtspUrlSealed);
      const address = input.rtspUrl ?? withoutCredentials(stored);
      // Only a password changed: it goes with the user name already stored.
      const username = input.username ?? (input.rtspUrl === undefined ? decodeURIComponent(new URL(stored).username) : undefined);
      const url = fullAddress(address, username, input.password);
      credentialsChanged = url !== stored && (hasCredentials(url) || hasCredentials(stored));
      const shown = withoutCredentials(url);
      if (shown !== camera.rtspUrlShown) await this.assertAddressFree(camera.enterprise.id, shown);
      change.rtspUrlSealed = this.secrets.seal(url);
      change.rtspUrlShown = shown;
    }
    await this.cameras.update(id, change);
    const after = await this.find(id);
    const changed = (['name', 'transport', 'autoRecord'] as const).filter((key) => after[key] !== camera[key]) as string[];
    if ((after.team?.id ?? null) !== (camera.team?.id ?? null)) changed.push('teamId');
    if (after.rtspUrlShown !== camera.rtspUrlShown) changed.push('rtspUrl');
    // That they changed, never what they are.
    if (credentialsChanged) changed.push('credentials');
    await this.recordAudit(actor, 'camera.update', after, { changed });
    return this.view(after);
  }

  /** Removes a camera; its past recordings stay with their meetings. Refused while it is recording. */
  async remove(actor: Actor, id: string): Promise<void> {
    const camera = await this.manageable(actor, id);
    if (camera.liveId) throw new ConflictError('CAMERA_ALREADY_RECORDING', 'The camera is recording; end its live first.');
    if (!(await this.cameras.delete(id))) throw new NotFoundError('camera', id);
    await this.recordAudit(actor, 'camera.delete', camera, { rtspUrl: camera.rtspUrlShown });
  }

  /** Probes the camera now; the ingest records the outcome on the camera. */
  async check(actor: Actor, id: string): Promise<Camera> {
    await this.manageable(actor, id);
    await this.ingest.checkCamera(id);
    return this.view(await this.find(id));
  }

  /** Starts recording the camera by hand: a camera live for today's meeting of its team (and shift). */
  async startRecording(actor: Actor, id: string, input: RecordCameraBody): Promise<LiveStream> {
    const camera = await this.manageable(actor, id);
    this.ingest.assertEnabled();
    if (camera.liveId) throw new ConflictError('CAMERA_ALREADY_RECORDING', 'The camera is recording already.');
    if (input.shiftId) {
      const team = camera.team ? await this.lives.findTeam(camera.team.id) : null;
      if (!team?.shiftIds.includes(input.shiftId))
        throw ValidationError.field('shiftId', 'SHIFT_NOT_IN_ENTERPRISE', "not a shift the camera's team works");
    }
    await this.liveService.assertWithinLimits(camera.enterprise.id);
    const liveId = await this.lives.create({
      enterpriseId: camera.enterprise.id,
      teamId: camera.team?.id ?? null,
      shiftId: input.shiftId ?? null,
      meetingDate: shanghaiDate(this.now()),
      title: input.title ?? camera.name,
      source: 'CAMERA',
      cameraId: id,
      key: null,
      createdById: actor.userId,
    });
    try {
      await this.ingest.startLive(liveId);
    } catch (error) {
      // Never started: closed at once, so it does not hold the camera or a place under the limits.
      await this.lives.endIdle(liveId, this.now(), 'NEVER_STARTED');
      throw error;
    }
    await this.recordAudit(actor, 'camera.record', camera, { liveId, shiftId: input.shiftId ?? null });
    const live = await this.lives.findById(liveId);
    if (!live) throw new NotFoundError('live', liveId);
    return this.liveService.view(live);
  }

  /** Signed links to watch the camera now; the ingest starts the pull on demand. */
  async play(actor: Actor, id: string): Promise<LivePlayback> {
    await this.readable(actor, id);
    this.ingest.assertEnabled();
    return this.links.playback(actor, id);
  }

  private view(camera: CameraRecord): Camera {
    let withCredentials = false;
    try {
      withCredentials = hasCredentials(this.secrets.open(camera.rtspUrlSealed));
    } catch {
      // Sealed under another key: shown without the flag rather than failing the list.
    }
    return cameraOf(camera, withCredentials);
  }

  private async assertTeamOf(actor: Actor, enterpriseId: string, teamId: string): Promise<void> {
    const team = await this.lives.findTeam(teamId);
    if (!team || team.enterpriseId !== enterpriseId) {
      if (team) await this.access.assertCanManage(actor, team.enterpriseId, { entityType: 'team', entityId: teamId });
      throw new NotFoundError('team', teamId);
    }
  }

  private async assertAddressFree(enterpriseId: string, shown: string): Promise<void> {
    if (await this.cameras.findIdByAddress(enterpriseId, shown))
      throw new ConflictError('CAMERA_DUPLICATE', 'A camera with this address is registered for the enterprise already.');
  }

  private async find(id: string): Promise<CameraRecord> {
    const camera = await this.cameras.findById(id);
    if (!camera) throw new NotFoundError('camera', id);
    return camera;
  }

  private async readable(actor: Actor, id: string): Promise<CameraRecord> {
    requireRole(actor, ...LIVE_VIEWERS);
    const camera = await this.find(id);
    await this.access.assertCanRead(actor, camera.enterprise.id, { entityType: 'camera', entityId: id }, meetingScopeOf);
    return camera;
  }

  private async manageable(actor: Actor, id: string): Promise<CameraRecord> {
    requireRole(actor, 'ENTERPRISE_OFFICER');
    const camera = await this.find(id);
    await this.access.assertCanManage(actor, camera.enterprise.id, { entityType: 'camera', entityId: id });
    return camera;
  }

  private recordAudit(actor: Actor, action: string, camera: CameraRecord, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({
      actor,
      action,
      entityType: 'camera',
      entityId: camera.id,
      entityLabel: camera.name,
      enterpriseId: camera.enterprise.id,
      outcome: 'SUCCESS',
      details,
    });
  }
}

/** The address with the credentials given separately (they replace any in the address). */
function fullAddress(address: string, username: string | undefined, password: string | undefined): string {
  try {
    if (username === undefined || username === '') return new URL(address).toString();
    return rtspUrlWithCredentials(withoutCredentials(address), username, password);
  } catch {
    throw ValidationError.field('rtspUrl', 'FIELD_INVALID', 'not an address a camera can be reached at');
  }
}
