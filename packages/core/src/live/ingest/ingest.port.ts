import type { LiveEndReason, LiveGap } from '@platform/contracts';

/** A live as the ingest needs it to authorise, run and finish it. */
export interface IngestLive {
  id: string;
  enterpriseId: string;
  zoneId: string;
  teamId: string | null;
  shiftId: string | null;
  /** YYYY-MM-DD (Asia/Shanghai) of the shift whose meeting this is, when known. */
  meetingDate: string | null;
  meetingId: string | null;
  title: string;
  source: 'PUSH' | 'CAMERA';
  cameraId: string | null;
  streamKeyHash: string | null;
  revokedAt: Date | null;
  status: 'IDLE' | 'LIVE' | 'ENDED';
  startedAt: Date | null;
  interruptedAt: Date | null;
  gaps: LiveGap[];
  createdById: string | null;
}

/** A registered camera with its sealed address (opened only inside the ingest). */
export interface IngestCamera {
  id: string;
  enterpriseId: string;
  zoneId: string;
  teamId: string | null;
  name: string;
  rtspUrlSealed: string;
  transport: 'TCP' | 'UDP';
  autoRecord: boolean;
  status: 'UNKNOWN' | 'ONLINE' | 'OFFLINE';
}

/** A shift of a camera's team, for automatic recording in its meeting windows. */
export interface IngestShift {
  id: string;
  startMinute: number;
  daysOfWeek: number[];
  meetingWindowBefore: number;
  meetingWindowAfter: number;
  /** YYYY-MM-DD from which the team works it. */
  effectiveFrom: string;
}

export interface CameraProbe {
  status: 'ONLINE' | 'OFFLINE';
  reason: string | null;
  videoCodec: string | null;
  width: number | null;
  height: number | null;
}

/** The recording of an ended live, stored as a media asset the way a completed upload is. */
export interface RecordingAssetInput {
  id: string;
  enterpriseId: string;
  meetingId: string | null;
  staged: boolean;
  originalName: string;
  sizeBytes: number;
  sourceKey: string;
  createdById: string | null;
}

/** What the ingest process reads and writes in the database. */
export interface LiveIngestRepository {
  findLive(id: string): Promise<IngestLive | null>;
  /** Lives on air (status LIVE), over every enterprise. */
  countOnAir(): Promise<number>;
  /** LIVE, startedAt on the first time, interruption cleared, the codec noted. */
  markLive(id: string, at: Date, videoCodec: string | null): Promise<void>;
  markInterrupted(id: string, at: Date): Promise<void>;
  /** Appends a gap, or closes the open gap (`to` null) of the same reason when `close` is given. */
  addGap(id: string, gap: LiveGap): Promise<void>;
  closeOpenGaps(id: string, at: Date): Promise<void>;
  /** ENDED with the reason; false when it had already ended. */
  markEnded(id: string, reason: LiveEndReason, at: Date): Promise<boolean>;
  /** Lives a dead ingest left on air (LIVE, or IDLE after having started) or was starting (CAMERA lives still IDLE). */
  listLeftOnAir(): Promise<IngestLive[]>;
  /** The reported meeting of a team's shift on a date, if any. */
  findMeetingId(teamId: string, shiftId: string, meetingDate: string): Promise<string | null>;
  createRecordingAsset(input: RecordingAssetInput): Promise<void>;
  setRecording(liveId: string, assetId: string, meetingId: string | null): Promise<void>;
  findCamera(id: string): Promise<IngestCamera | null>;
  listCameras(): Promise<IngestCamera[]>;
  /**
   * Cameras with autoRecord and a team, with the team's active shifts and the enterprise's calendar
   * exceptions (YYYY-MM-DD → REST | WORKDAY) from `from` to `to`.
   */
  listAutoRecordCameras(
    from: string,
    to: string,
  ): Promise<{ camera: IngestCamera; shifts: IngestShift[]; calendar: Map<string, 'REST' | 'WORKDAY'> }[]>;
  /** Writes a check's outcome; returns the previous status. */
  setCameraStatus(id: string, probe: CameraProbe, at: Date): Promise<'UNKNOWN' | 'ONLINE' | 'OFFLINE' | null>;
  /** The camera's live not yet ended, if any. */
  findOpenCameraLive(cameraId: string): Promise<IngestLive | null>;
  /** A CAMERA live for a meeting window; returns null when the camera already has one for that meeting. */
  createCameraLive(input: { camera: IngestCamera; shiftId: string; meetingDate: string; title: string }): Promise<IngestLive | null>;
  /** Whether a camera live was already made for this camera, shift and date (one per window). */
  hasCameraLiveFor(cameraId: string, shiftId: string, meetingDate: string): Promise<boolean>;
  /** "<team name>" of a team, for titles. */
  teamName(teamId: string): Promise<string | null>;
}
