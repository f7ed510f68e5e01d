import type { Media } from '@platform/contracts';
import type { ByteRange, MediaStore, StoredFile } from './media-store.port.ts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { enterpriseScopeOf, meetingScopeOf } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors/index.ts';
import type { AssetRecord, MediaRepository } from './media.port.ts';
import { contentTypeOf, derivedKey, derivedPrefix, isDeliverablePath } from './storage-keys.ts';
import { signStreamToken, verifyStreamToken } from './stream-token.ts';

export interface DeliveryPolicy {
  /** HMAC secret shared by every API instance. */
  signingSecret: string;
  linkTtlSeconds: number;
}

/**
 * Reading media: status and metadata for entitled users, with signed expiring links; and the
 * file delivery behind those links. Who is entitled: the meeting's enterprise officers, its zone
 * officer, inspectors, command operators and admins; workers are not.
 */
export class MediaService {
  constructor(
    private readonly media: MediaRepository,
    private readonly store: MediaStore,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly policy: DeliveryPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(actor: Actor, id: string): Promise<Media> {
    const asset = await this.authorised(actor, id);
    const token = signStreamToken(
      {
        assetId: id,
        userId: actor.userId ?? actor.apiTokenId ?? 'anonymous',
        expiresAt: Math.floor(this.now().getTime() / 1000) + this.policy.linkTtlSeconds,
      },
      this.policy.signingSecret,
    );
    const link = (key: string | null) => (key ? `/api/media/${id}/stream/${token}/${key.slice(derivedPrefix(id).length)}` : null);
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
      capturedAt: asset.capturedAt?.toISOString() ?? null,
      capturedOffset: asset.capturedOffset,
      gps:
        asset.gpsLatitude !== null && asset.gpsLongitude !== null ? { latitude: asset.gpsLatitude, longitude: asset.gpsLongitude } : null,
      camera: [asset.cameraMake, asset.cameraModel].filter(Boolean).join(' ') || null,
      createdAt: asset.createdAt.toISOString(),
    };
  }

  /**
   * Opens a derived file behind a signed link. The token, not a cookie, authorises: it names the
   * asset and expires, so a link copied out of the platform stops working on its own.
   */
  async openFile(
    assetId: string,
    token: string,
    path: string,
    range?: ByteRange,
  ): Promise<StoredFile & { contentType: string; cacheSeconds: number }> {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const check = verifyStreamToken(token, assetId, this.policy.signingSecret, nowSeconds);
    if (!check.ok) {
      if (check.reason === 'expired')
        throw new UnauthorizedError('LINK_EXPIRED', 'This media link has expired; reload the page to get a fresh one.');
      throw new ForbiddenError('LINK_INVALID', 'This media link is not valid for this file.');
    }
    if (!isDeliverablePath(path)) throw new NotFoundError('file', path);
    const asset = await this.media.findAsset(assetId);
    if (!asset) throw new NotFoundError('media', assetId);
    const stream = await this.store.get(derivedKey(assetId, path), range);
    // Segments never change; playlists do while renditions are still being added.
    const cacheSeconds = path.endsWith('.m3u8') && asset.status !== 'READY' ? 0 : Math.max(0, check.grant.expiresAt - nowSeconds);
    return { ...stream, contentType: contentTypeOf(path), cacheSeconds };
  }

  private async authorised(actor: Actor, id: string): Promise<AssetRecord> {
    const asset = await this.media.findAsset(id);
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
