import type { Media } from '@platform/contracts';
import type { ByteRange, MediaStore, StoredFile } from './media-store.port.ts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { enterpriseScopeOf, meetingScopeOf } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors/index.ts';
import type { AssetRecord, MediaRepository } from './media.port.ts';
import { contentTypeOf, derivedKey, derivedPrefix, DOCUMENT_FILE, isDeliverablePath } from './storage-keys.ts';
import { signStreamToken, streamTokenKey, verifyStreamToken, type LinkHolder, type LinkHolderCheck } from './stream-token.ts';

export interface DeliveryPolicy {
  /** Secret shared by every API instance; the links' encryption key is derived from it. */
  signingSecret: string;
  linkTtlSeconds: number;
}

/**
 * Reading media: status and metadata for entitled users, with signed expiring links; and the
 * file delivery behind those links. Who is entitled to evidence: the meeting's enterprise
 * officers, its zone officer, inspectors, command operators and admins; workers are not. Content
 * (training and library material: no enterprise, no meeting) is for every logged-in user.
 */
export class MediaService {
  readonly #linkKey: Buffer;

  constructor(
    private readonly media: MediaRepository,
    private readonly store: MediaStore,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly policy: DeliveryPolicy,
    private readonly holders: LinkHolderCheck,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#linkKey = streamTokenKey(policy.signingSecret);
  }

  /**
   * The asset with links for the caller. `showcase`: a file of a best-practice meeting, which every
   * enterprise may watch; the caller (ShowcaseService) has checked the meeting is one.
   */
  async get(actor: Actor, id: string, options: { showcase?: boolean } = {}): Promise<Media> {
    const asset = options.showcase ? await this.media.findAsset(id) : await this.authorised(actor, id);
    if (!asset) throw new NotFoundError('media', id);
    const holder = linkHolderOf(actor);
    const token =
      holder &&
      signStreamToken(
        { assetId: id, holder, expiresAt: Math.floor(this.now().getTime() / 1000) + this.policy.linkTtlSeconds },
        this.#linkKey,
      );
    const link = (key: string | null) => (key && token ? `/api/media/${id}/stream/${token}/${key.slice(derivedPrefix(id).length)}` : null);
    return {
      id: asset.id,
      kind: asset.kind,
      status: asset.status,
      progress: asset.status === 'READY' ? 100 : asset.progress,
      failure:
        asset.status === 'FAILED' ? { code: asset.failureCode ?? 'MEDIA_PROCESSING_FAILED', params: asset.failureParams ?? {} } : null,
      truncated:
        asset.truncatedAtMs === null
          ? null
          : { atSeconds: asset.truncatedAtMs / 1000, declaredSeconds: (asset.declaredDurationMs ?? asset.truncatedAtMs) / 1000 },
      originalName: asset.originalName,
      contentType: asset.contentType,
      size: asset.sizeBytes,
      meetingId: asset.meetingId,
      originalOf: asset.originalOfId,
      durationSeconds: asset.durationMs === null ? null : asset.durationMs / 1000,
      width: asset.width,
      height: asset.height,
      renditions: asset.renditions.map((r) => ({
        name: r.name,
        width: r.width,
        height: r.height,
        bandwidth: r.bandwidth,
        codecs: r.codecs,
        remuxed: r.remuxed,
      })),
      hlsUrl: asset.renditions.length ? link(asset.hlsMasterKey) : null,
      posterUrl: link(asset.posterKey),
      spriteVttUrl: link(asset.spriteVttKey),
      thumbnailUrl: link(asset.thumbSmallKey),
      imageUrl: link(asset.thumbLargeKey),
      documentUrl: asset.kind === 'DOCUMENT' && asset.status === 'READY' ? link(derivedKey(id, DOCUMENT_FILE)) : null,
      capturedAt: asset.capturedAt?.toISOString() ?? null,
      capturedOffset: asset.capturedOffset,
      gps:
        asset.gpsLatitude !== null && asset.gpsLongitude !== null ? { latitude: asset.gpsLatitude, longitude: asset.gpsLongitude } : null,
      camera: [asset.cameraMake, asset.cameraModel].filter(Boolean).join(' ') || null,
      createdAt: asset.createdAt.toISOString(),
    };
  }

  /**
   * Opens a derived file behind a signed link. The token, not a cookie, authorises: it is sealed
   * for the asset, expires, and works only while the session (or API token) it was issued to does,
   * so a link copied out of the platform stops working on its own and at logout.
   */
  async openFile(
    assetId: string,
    token: string,
    path: string,
    range?: ByteRange,
  ): Promise<StoredFile & { contentType: string; cacheSeconds: number; fileName: string }> {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const check = verifyStreamToken(token, assetId, this.#linkKey, nowSeconds);
    if (!check.ok) {
      if (check.reason === 'expired')
        throw new UnauthorizedError('LINK_EXPIRED', 'This media link has expired; reload the page to get a fresh one.');
      throw new ForbiddenError('LINK_INVALID', 'This media link is not valid for this file.');
    }
    if (!isDeliverablePath(path)) throw new NotFoundError('file', path);
    if (!(await this.holders.isLive(check.grant.holder)))
      throw new UnauthorizedError('LINK_SESSION_ENDED', 'The session this media link was issued to has ended; log in again.');
    const asset = await this.media.findAsset(assetId);
    if (!asset) throw new NotFoundError('media', assetId);
    const stream = await this.store.get(derivedKey(assetId, path), range);
    // Segments never change; playlists do while renditions are still being added.
    const cacheSeconds = path.endsWith('.m3u8') && asset.status !== 'READY' ? 0 : Math.max(0, check.grant.expiresAt - nowSeconds);
    // A document keeps its uploaded name when a viewer saves it; other files are parts of a stream.
    const fileName = path === DOCUMENT_FILE ? asset.originalName : path;
    return { ...stream, contentType: contentTypeOf(path), cacheSeconds, fileName };
  }

  private async authorised(actor: Actor, id: string): Promise<AssetRecord> {
    const asset = await this.media.findAsset(id);
    if (asset && isContent(asset)) return asset;
    if (!asset || !asset.enterpriseId) throw new NotFoundError('media', id);
    await this.access.assertCanRead(
      actor,
      asset.enterpriseId,
      { entityType: 'media', entityId: id },
      asset.meetingId ? meetingScopeOf : enterpriseScopeOf,
    );
    return asset;
  }
}

/**
 * Training and library material: the platform's own files, uploaded by the administrator with no
 * enterprise and no meeting. Not secret: every logged-in user may read it.
 */
export function isContent(asset: Pick<AssetRecord, 'enterpriseId' | 'meetingId'>): boolean {
  return asset.enterpriseId === null && asset.meetingId === null;
}

/** Links are bound to the caller's session, or to the API token of an enterprise system. */
function linkHolderOf(actor: Actor): LinkHolder | null {
  if (actor.apiTokenId) return { kind: 'apiToken', id: actor.apiTokenId };
  if (actor.sessionId) return { kind: 'session', id: actor.sessionId };
  // Nobody to bind a link to (an internal caller): no links rather than links that outlive everyone.
  return null;
}
