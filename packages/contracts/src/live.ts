import { z } from 'zod';
import { Id, PageQuery, text, Timestamp } from './common.ts';
import { namedFormat } from './rules.ts';

// Live meetings (直播): an encoder pushing RTMP with a secret key, or a registered meeting-room
// camera pulled over RTSP (by hand, or automatically in each shift's meeting window). Viewers get
// signed, expiring links: HTTP-FLV for mpegts.js (sub-second) and live HLS for browsers without MSE.

export const LiveStatus = z.enum(['IDLE', 'LIVE', 'ENDED']);
export type LiveStatus = z.infer<typeof LiveStatus>;
export const LiveSource = z.enum(['PUSH', 'CAMERA']);
export type LiveSource = z.infer<typeof LiveSource>;
export const CameraStatus = z.enum(['UNKNOWN', 'ONLINE', 'OFFLINE']);
export type CameraStatus = z.infer<typeof CameraStatus>;
export const RtspTransport = z.enum(['TCP', 'UDP']);
export type RtspTransport = z.infer<typeof RtspTransport>;

/** Why a live ended. */
export const LiveEndReason = z.enum([
  'ENDED_BY_USER',
  'PUBLISHER_GONE',
  'MAX_DURATION',
  'WINDOW_CLOSED',
  'REVOKED',
  'INGEST_RESTARTED',
  'NEVER_STARTED',
]);
export type LiveEndReason = z.infer<typeof LiveEndReason>;

/** A stretch of the live with no pictures, and why. */
export const LiveGap = z.object({
  from: Timestamp,
  to: Timestamp.nullable(),
  reason: z.enum(['PUBLISHER_DROPPED', 'PACKAGER_RESTARTED', 'CAMERA_LOST']),
});
export type LiveGap = z.infer<typeof LiveGap>;

export const LiveStream = z
  .object({
    id: Id,
    enterprise: z.object({ id: Id, name: z.string(), zoneId: Id }),
    team: z.object({ id: Id, name: z.string() }).nullable(),
    shift: z.object({ id: Id, name: z.string() }).nullable(),
    meetingDate: z.string().nullable(),
    title: z.string(),
    source: LiveSource,
    camera: z.object({ id: Id, name: z.string() }).nullable(),
    status: LiveStatus,
    /** The publisher dropped; the live goes on if it returns within the grace. */
    interrupted: z.boolean(),
    /** The first characters of the publish key, to tell keys apart; pushes only. */
    keyPrefix: z.string().nullable(),
    revoked: z.boolean(),
    startedAt: Timestamp.nullable(),
    endedAt: Timestamp.nullable(),
    endReason: LiveEndReason.nullable(),
    /** After this the live is ended (LIVE_MAX_MINUTES from its start). */
    endsBy: Timestamp.nullable(),
    gaps: z.array(LiveGap),
    videoCodec: z.string().nullable(),
    meetingId: Id.nullable(),
    /** The recording, once the live ended: a media asset going through the normal pipeline. */
    recordingMediaId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'LiveStream' });
export type LiveStream = z.infer<typeof LiveStream>;

export const LiveQuery = PageQuery.extend({
  status: LiveStatus.optional(),
  /** Scoped roles only: one enterprise of their scope. */
  enterpriseId: Id.optional(),
  source: LiveSource.optional(),
});
export type LiveQuery = z.infer<typeof LiveQuery>;

export const CreateLiveBody = z.object({
  teamId: Id,
  /** The shift whose meeting this is; the recording joins that meeting (today's, in Asia/Shanghai). */
  shiftId: Id.optional(),
  title: text(60),
});
export type CreateLiveBody = z.infer<typeof CreateLiveBody>;

/**
 * Where the encoder pushes, shown once (at creation and at each rotation): OBS takes `server` and
 * `streamKey`; phone apps take `url`. The key is stored hashed; a lost key is rotated, not shown.
 */
export const LivePublishing = z
  .object({
    live: LiveStream,
    server: z.string(),
    streamKey: z.string(),
    url: z.string(),
  })
  .meta({ id: 'LivePublishing' });
export type LivePublishing = z.infer<typeof LivePublishing>;

/** Signed, expiring links to watch a live or a camera. Relative to the site. */
export const LivePlayback = z
  .object({
    /** HTTP-FLV for mpegts.js (MSE): lowest latency. */
    flvUrl: z.string(),
    /** Live HLS (fMP4, short segments): for browsers without MSE (iPhone Safari). */
    hlsUrl: z.string(),
    expiresAt: Timestamp,
  })
  .meta({ id: 'LivePlayback' });
export type LivePlayback = z.infer<typeof LivePlayback>;

export const Camera = z
  .object({
    id: Id,
    enterprise: z.object({ id: Id, name: z.string(), zoneId: Id }),
    team: z.object({ id: Id, name: z.string() }).nullable(),
    name: z.string(),
    /** The RTSP URL without its credentials; they are stored encrypted and never shown again. */
    rtspUrl: z.string(),
    hasCredentials: z.boolean(),
    transport: RtspTransport,
    autoRecord: z.boolean(),
    status: CameraStatus,
    /** Why the last check failed: TIMEOUT, UNAUTHORIZED, NOT_FOUND, NO_VIDEO, REFUSED, UNREACHABLE. */
    statusReason: z.string().nullable(),
    statusCheckedAt: Timestamp.nullable(),
    lastOnlineAt: Timestamp.nullable(),
    videoCodec: z.string().nullable(),
    /** The live recording from it now, if any. */
    liveId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Camera' });
export type Camera = z.infer<typeof Camera>;

const rtspUrl = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(500, { error: 'must be at most 500 characters' })
  .check(
    namedFormat(
      'rtspUrl',
      /^rtsps?:\/\/[^\s/]+(\/\S*)?$/i,
      'must be an RTSP address such as rtsp://192.168.1.64:554/Streaming/Channels/101',
    ),
  );

export const CameraInput = z.object({
  name: text(40),
  teamId: Id.nullable().optional(),
  /** rtsp://host:port/path; credentials may be given here or in username/password. */
  rtspUrl,
  username: z.string().max(100).optional(),
  password: z.string().max(200).optional(),
  transport: RtspTransport.default('TCP'),
  autoRecord: z.boolean().default(false),
});
export type CameraInput = z.infer<typeof CameraInput>;

/** Fields left out keep their value; a new rtspUrl replaces the credentials with those given. */
export const CameraUpdate = z.object({
  name: text(40).optional(),
  teamId: Id.nullable().optional(),
  rtspUrl: rtspUrl.optional(),
  username: z.string().max(100).optional(),
  password: z.string().max(200).optional(),
  transport: RtspTransport.optional(),
  autoRecord: z.boolean().optional(),
});
export type CameraUpdate = z.infer<typeof CameraUpdate>;

export const CameraQuery = PageQuery.extend({ enterpriseId: Id.optional(), status: CameraStatus.optional() });
export type CameraQuery = z.infer<typeof CameraQuery>;

/** Delivery of a live's or camera's stream behind a signed link: `stream.flv` or `hls/<file>`. */
export const LiveMediaParams = z.object({ id: Id, token: z.string().min(10).max(400), '*': z.string().max(200) });

/** Start recording a camera by hand: for a shift's meeting (today's), with an optional title. */
export const RecordCameraBody = z.object({ shiftId: Id.optional(), title: text(60).optional() });
export type RecordCameraBody = z.infer<typeof RecordCameraBody>;
