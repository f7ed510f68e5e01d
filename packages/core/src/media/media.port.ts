import type { MediaStatus } from '@platform/contracts';
import type { PhotoHashSet } from '../compliance/photo-reuse.ts';
import type { OpenUploads } from './upload-quota.ts';

export type AssetKind = 'VIDEO' | 'PHOTO' | 'DOCUMENT';

export interface RenditionRecord {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
  codecs: string;
  playlistKey: string;
  remuxed: boolean;
}

export interface AssetRecord {
  id: string;
  enterpriseId: string | null;
  /** Zone of the owning enterprise, for scoping events. */
  zoneId: string | null;
  meetingId: string | null;
  originalOfId: string | null;
  kind: AssetKind;
  status: MediaStatus;
  progress: number;
  failureReason: string | null;
  failureCode: string | null;
  failureParams: Record<string, string | number> | null;
  truncatedAtMs: number | null;
  declaredDurationMs: number | null;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sourceKey: string;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  posterKey: string | null;
  spriteKey: string | null;
  spriteVttKey: string | null;
  hlsMasterKey: string | null;
  thumbSmallKey: string | null;
  thumbLargeKey: string | null;
  capturedAt: Date | null;
  capturedOffset: string | null;
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  createdAt: Date;
  renditions: RenditionRecord[];
}

export interface UploadRecord {
  id: string;
  assetId: string;
  enterpriseId: string | null;
  userId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  partSize: number;
  storageKey: string;
  storageUploadId: string;
  status: 'ACTIVE' | 'COMPLETED' | 'ABORTED' | 'EXPIRED';
  expiresAt: Date;
}

/** What processing learned about a video, stored on the asset. */
export interface VideoFacts {
  /** What plays: the whole recording, or up to the cut of a truncated file. */
  durationMs: number;
  /** Where a truncated file's media stops; null for a whole file. */
  truncatedAtMs: number | null;
  /** The length a truncated file's header declares; null for a whole file. */
  declaredDurationMs: number | null;
  width: number | null;
  height: number | null;
  rotation: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  /** When the recording was made, from its container's tags; null when it gives none or an unset clock's. */
  capturedAt: Date | null;
  /** The recorder's UTC offset, e.g. "+08:00"; null when the file gives only UTC (Android's creation_time). */
  capturedOffset: string | null;
  gpsLatitude: number | null;
  gpsLongitude: number | null;
}

export interface PhotoFacts {
  width: number;
  height: number;
  capturedAt: Date | null;
  capturedOffset: string | null;
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  perceptualHash: string;
  /** Every hash the reused-photo check compares; the repository also indexes their bands. */
  photoHashes: PhotoHashSet;
  thumbSmallKey: string;
  thumbLargeKey: string;
}

/** Persistence of media assets, renditions and upload sessions. */
export interface MediaRepository {
  /** The meeting an upload attaches to, with its enterprise and zone for scope checks. */
  findMeetingOwner(meetingId: string): Promise<{ id: string; enterpriseId: string; zoneId: string } | null>;
  createUpload(input: {
    asset: {
      id: string;
      /** Null for content (training and library material), which belongs to the platform. */
      enterpriseId: string | null;
      /** Null while the report it belongs to is still being written (`staged`). */
      meetingId: string | null;
      staged: boolean;
      originalOfId: string | null;
      kind: AssetKind;
      originalName: string;
      contentType: string;
      sizeBytes: number;
      sourceKey: string;
      createdById: string | null;
    };
    upload: {
      enterpriseId: string | null;
      userId: string | null;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      partSize: number;
      storageKey: string;
      storageUploadId: string;
      expiresAt: Date;
    };
    /**
     * Called with what is open at the user and the enterprise, inside the transaction and while
     * holding the enterprise's uploads, so parallel requests cannot all squeeze under a quota;
     * throwing from it stores nothing.
     */
    admit?: { at: Date; check(open: OpenUploads): void };
  }): Promise<UploadRecord>;
  /**
   * Uploads open (ACTIVE and not past expiry) at `now`: the user's, the enterprise's and its declared
   * bytes. Content uploads (`enterpriseId` null) have no enterprise: the "enterprise" counts are then
   * the user's own open content uploads, so the quota applies per user.
   */
  openUploads(userId: string | null, enterpriseId: string | null, now: Date): Promise<OpenUploads>;
  findUpload(id: string): Promise<UploadRecord | null>;
  setUploadStatus(id: string, status: UploadRecord['status'], at: Date): Promise<void>;
  listExpiredUploads(now: Date, limit: number): Promise<UploadRecord[]>;
  findAsset(id: string): Promise<AssetRecord | null>;
  deleteAsset(id: string): Promise<void>;
  markUploaded(assetId: string, kind: AssetKind, contentType: string): Promise<void>;
  /**
   * Starts an attempt. A new asset moves to PROCESSING with earlier renditions and derived keys
   * cleared (`fresh`); one an earlier attempt already made PLAYABLE stays PLAYABLE with its
   * renditions, so a published status never goes back (`resumed`). Returns null when the asset is
   * READY, FAILED or gone: nothing to do.
   */
  beginProcessing(assetId: string): Promise<'fresh' | 'resumed' | null>;
  setProgress(assetId: string, percent: number): Promise<void>;
  setVideoFacts(assetId: string, facts: VideoFacts): Promise<void>;
  /** Records a published rendition and the master playlist that now includes it; PLAYABLE from the first. */
  publishRendition(assetId: string, rendition: RenditionRecord, masterKey: string): Promise<void>;
  setVideoExtras(assetId: string, extras: { posterKey?: string; spriteKey?: string; spriteVttKey?: string }): Promise<void>;
  setPhotoFacts(assetId: string, facts: PhotoFacts): Promise<void>;
  /** The source file's SHA-256 (hex), taken when it is processed. */
  setSha256(assetId: string, sha256: string): Promise<void>;
  markReady(assetId: string): Promise<void>;
  /** FAILED with a stable code and parameters for the uploader and an English detail for operators. */
  markFailed(assetId: string, failure: { code: string; params: Record<string, string | number>; detail: string }): Promise<void>;
}
