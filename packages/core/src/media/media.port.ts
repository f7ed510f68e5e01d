import type { MediaStatus } from '@platform/contracts';

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
  kind: AssetKind;
  status: MediaStatus;
  progress: number;
  failureReason: string | null;
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
  durationMs: number;
  width: number | null;
  height: number | null;
  rotation: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
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
  thumbSmallKey: string;
  thumbLargeKey: string;
}

/** Persistence of media assets, renditions and upload sessions. */
export interface MediaRepository {
  /** The meeting an upload attaches to, with its enterprise and zone for scope checks. */
  findMeetingOwner(meetingId: string): Promise<{ id: string; enterpriseId: string; zoneId: string } | null>;
  createUpload(input: {
    asset: { id: string; enterpriseId: string; meetingId: string; kind: AssetKind; originalName: string; contentType: string; sizeBytes: number; sourceKey: string; createdById: string | null };
    upload: { enterpriseId: string; userId: string | null; fileName: string; contentType: string; sizeBytes: number; partSize: number; storageKey: string; storageUploadId: string; expiresAt: Date };
  }): Promise<UploadRecord>;
  findUpload(id: string): Promise<UploadRecord | null>;
  setUploadStatus(id: string, status: UploadRecord['status'], at: Date): Promise<void>;
  listExpiredUploads(now: Date, limit: number): Promise<UploadRecord[]>;
  findAsset(id: string): Promise<AssetRecord | null>;
  deleteAsset(id: string): Promise<void>;
  markUploaded(assetId: string, kind: AssetKind, contentType: string): Promise<void>;
  /**
   * Moves an asset into PROCESSING, clearing earlier renditions and derived keys, unless it is
   * already READY or FAILED. Returns false when there is nothing to do.
   */
  beginProcessing(assetId: string): Promise<boolean>;
  setProgress(assetId: string, percent: number): Promise<void>;
  setVideoFacts(assetId: string, facts: VideoFacts): Promise<void>;
  /** Records a published rendition and the master playlist that now includes it; PLAYABLE from the first. */
  publishRendition(assetId: string, rendition: RenditionRecord, masterKey: string): Promise<void>;
  setVideoExtras(assetId: string, extras: { posterKey?: string; spriteKey?: string; spriteVttKey?: string }): Promise<void>;
  setPhotoFacts(assetId: string, facts: PhotoFacts): Promise<void>;
  markReady(assetId: string): Promise<void>;
  markFailed(assetId: string, reason: string): Promise<void>;
}
