import type {
  CameraQuery,
  CameraStatus,
  LiveEndReason,
  LiveGap,
  LiveQuery,
  LiveSource,
  LiveStatus,
  Page,
  RtspTransport,
} from '@platform/contracts';
import type { EnterpriseScope } from '../access/actor.ts';

type Named = { id: string; name: string };

/** A live as stored, with the names the API shows. The key itself is never stored, only its hash. */
export interface LiveRecord {
  id: string;
  enterprise: Named & { zoneId: string };
  team: Named | null;
  shift: Named | null;
  meetingDate: string | null;
  title: string;
  source: LiveSource;
  camera: Named | null;
  status: LiveStatus;
  interruptedAt: Date | null;
  keyPrefix: string | null;
  revokedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  endReason: LiveEndReason | null;
  gaps: LiveGap[];
  videoCodec: string | null;
  meetingId: string | null;
  recordingAssetId: string | null;
  createdAt: Date;
}

/** What creating a live writes. */
export interface LiveWrite {
  enterpriseId: string;
  teamId: string | null;
  shiftId: string | null;
  meetingDate: string | null;
  title: string;
  source: LiveSource;
  cameraId: string | null;
  key: { hash: string; prefix: string } | null;
  createdById: string | null;
}

/** A team as a live needs it: whose it is and which shifts it works. */
export interface TeamForLive {
  id: string;
  name: string;
  enterpriseId: string;
  shiftIds: string[];
}

/** Lives (pushes and camera recordings). The ingest flips their status; the API creates and ends them. */
export interface LiveRepository {
  findTeam(teamId: string): Promise<TeamForLive | null>;
  findById(id: string): Promise<LiveRecord | null>;
  list(scope: EnterpriseScope, query: LiveQuery): Promise<Page<LiveRecord>>;
  /** Lives of the enterprise not ended (IDLE or LIVE). */
  countOpen(enterpriseId: string): Promise<number>;
  /** Lives on air across the platform. */
  countOnAir(): Promise<number>;
  create(write: LiveWrite): Promise<string>;
  /** A new key; clears a revocation. */
  setKey(id: string, key: { hash: string; prefix: string }, at: Date): Promise<void>;
  revokeKey(id: string, at: Date): Promise<void>;
  /** Ends a live that never went on air; false when it is no longer IDLE (the ingest got there first). */
  endIdle(id: string, at: Date, reason: LiveEndReason): Promise<boolean>;
  /** The camera's live not ended (on air, or started and waiting for the pull), if any. */
  openForCamera(cameraId: string): Promise<{ id: string } | null>;
}

/** A camera as stored: the sealed URL (credentials inside) is here for the service, never for the API. */
export interface CameraRecord {
  id: string;
  enterprise: Named & { zoneId: string };
  team: Named | null;
  name: string;
  rtspUrlSealed: string;
  rtspUrlShown: string;
  transport: RtspTransport;
  autoRecord: boolean;
  status: CameraStatus;
  statusReason: string | null;
  statusCheckedAt: Date | null;
  lastOnlineAt: Date | null;
  videoCodec: string | null;
  /** The live recording from it now (not ended), if any. */
  liveId: string | null;
  createdAt: Date;
}

export interface CameraWrite {
  enterpriseId: string;
  teamId: string | null;
  name: string;
  rtspUrlSealed: string;
  rtspUrlShown: string;
  transport: RtspTransport;
  autoRecord: boolean;
  createdById: string | null;
}

export type CameraChange = Partial<Omit<CameraWrite, 'enterpriseId' | 'createdById'>>;

export interface CameraRepository {
  findById(id: string): Promise<CameraRecord | null>;
  list(scope: EnterpriseScope, query: CameraQuery): Promise<Page<CameraRecord>>;
  /** Another camera of the enterprise at this address (credentials left out), if any. */
  findIdByAddress(enterpriseId: string, rtspUrlShown: string): Promise<string | null>;
  create(write: CameraWrite): Promise<string>;
  update(id: string, change: CameraChange): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/** What the ingest answers to a camera check. */
export interface CameraCheckResult {
  status: CameraStatus;
  reason: string | null;
  videoCodec: string | null;
}

/**
 * The ingest process as the services need it: control calls only (the API proxies the streams
 * itself). Throws ServiceUnavailableError LIVE_INGEST_UNAVAILABLE when it is off or unreachable.
 */
export interface LiveIngest {
  /** Stops the publisher or pull and finalises the recording. */
  endLive(liveId: string, reason: LiveEndReason): Promise<void>;
  /** Drops the current publisher (after a key rotation or revocation). */
  disconnect(liveId: string): Promise<void>;
  /** Starts a camera live the API created. */
  startLive(liveId: string): Promise<void>;
  checkCamera(cameraId: string): Promise<CameraCheckResult>;
  /** Throws LIVE_INGEST_UNAVAILABLE at once when live meetings are off (no ingest configured). */
  assertEnabled(): void;
}
