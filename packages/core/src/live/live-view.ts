import type { Camera, LiveStream } from '@platform/contracts';
import type { CameraRecord, LiveRecord } from './live.port.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A live as the API shows it; `maxMinutes` (LIVE_MAX_MINUTES) gives the time it is ended by. */
export function liveStreamOf(live: LiveRecord, maxMinutes: number): LiveStream {
  return {
    id: live.id,
    enterprise: live.enterprise,
    team: live.team,
    shift: live.shift,
    meetingDate: live.meetingDate,
    title: live.title,
    source: live.source,
    camera: live.camera,
    status: live.status,
    interrupted: live.status === 'LIVE' && live.interruptedAt !== null,
    keyPrefix: live.source === 'PUSH' ? live.keyPrefix : null,
    revoked: live.revokedAt !== null,
    startedAt: iso(live.startedAt),
    endedAt: iso(live.endedAt),
    endReason: live.endReason,
    endsBy: live.startedAt && live.status !== 'ENDED' ? new Date(live.startedAt.getTime() + maxMinutes * 60_000).toISOString() : null,
    gaps: live.gaps,
    videoCodec: live.videoCodec,
    meetingId: live.meetingId,
    recordingMediaId: live.recordingAssetId,
    createdAt: live.createdAt.toISOString(),
  };
}

/** A camera as the API shows it: the address without credentials, and only whether it has any. */
export function cameraOf(camera: CameraRecord, hasCredentials: boolean): Camera {
  return {
    id: camera.id,
    enterprise: camera.enterprise,
    team: camera.team,
    name: camera.name,
    rtspUrl: camera.rtspUrlShown,
    hasCredentials,
    transport: camera.transport,
    autoRecord: camera.autoRecord,
    status: camera.status,
    statusReason: camera.statusReason,
    statusCheckedAt: iso(camera.statusCheckedAt),
    lastOnlineAt: iso(camera.lastOnlineAt),
    videoCodec: camera.videoCodec,
    liveId: camera.liveId,
    createdAt: camera.createdAt.toISOString(),
  };
}
