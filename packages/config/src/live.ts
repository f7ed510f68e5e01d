import { z } from 'zod';

// Its own copy of index.ts's `bool`: importing index.ts from here would be an import cycle.
const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const port = z.coerce.number().int().min(0).max(65535);
const seconds = z.coerce.number().int().min(1);

/**
 * Live meetings: the ingest process (node-media-server for RTMP, ffmpeg for RTSP pulls, packaging
 * and recording), the limits and the timings. Read by the API (limits, links, how to reach the
 * ingest) and by the ingest process itself.
 */
export const liveEnvShape = {
  /** 0 turns live meetings off: no ingest is started and creating a live answers 503. */
  LIVE_ENABLED: bool.default(true),
  /** Where encoders push RTMP. Bind to all interfaces by default: encoders are on other machines. */
  LIVE_RTMP_HOST: z.string().min(1).default('0.0.0.0'),
  LIVE_RTMP_PORT: port.default(1935),
  /** What publish addresses show, e.g. rtmp://live.safety.example.cn:1935/live; default: this host's name. */
  LIVE_RTMP_PUBLIC_URL: z
    .url({ protocol: /^rtmps?$/, error: 'must be an rtmp:// URL such as rtmp://live.example.cn:1935/live' })
    .optional(),
  /** node-media-server's HTTP-FLV port; loopback only, the ingest's own HTTP server fronts it. */
  LIVE_FLV_PORT: port.default(8935),
  /** The ingest's internal HTTP (streams to the API, control from it). Loopback unless LIVE_INGEST_HOST says otherwise. */
  LIVE_INGEST_HOST: z.string().min(1).default('127.0.0.1'),
  LIVE_INGEST_PORT: port.default(8936),
  /** Set on API instances when the ingest runs as its own process or service, e.g. http://ingest:8936. Unset: the API starts one. */
  LIVE_INGEST_URL: z.url({ error: 'must be a URL such as http://ingest:8936' }).optional(),
  /** Shared by the API and the ingest; embedded default: a random one kept under DATA_DIR. */
  LIVE_INGEST_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters; generate one with: openssl rand -base64 48' })
    .optional(),
  /** Packaging, recordings in progress and live HLS windows; default DATA_DIR/live. */
  LIVE_WORK_DIR: z.string().min(1).optional(),
  LIVE_MAX_PER_ENTERPRISE: z.coerce.number().int().min(1).max(100).default(2),
  LIVE_MAX_TOTAL: z.coerce.number().int().min(1).max(10_000).default(50),
  LIVE_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  /** A publisher (or camera) that drops and returns within this continues the same live. */
  LIVE_RECONNECT_GRACE_SECONDS: seconds.max(600).default(30),
  /** Nobody watching a camera opened for viewing for this long: its pull stops (restarts on demand). */
  LIVE_IDLE_STOP_SECONDS: seconds.max(3600).default(30),
  /** How often each camera's online status is checked; a camera gone offline shows within a minute. */
  LIVE_CAMERA_CHECK_SECONDS: seconds.max(3600).default(30),
  LIVE_HLS_SEGMENT_SECONDS: z.coerce.number().min(0.5).max(6).default(1),
  LIVE_HLS_WINDOW: z.coerce.number().int().min(3).max(30).default(6),
  LIVE_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
};
export type LiveEnv = z.infer<z.ZodObject<typeof liveEnvShape>>;

export interface LiveConfig {
  enabled: boolean;
  rtmp: { host: string; port: number; publicUrl: string | undefined };
  flvPort: number;
  ingest: { host: string; port: number; url: string | undefined; secret: string | undefined };
  workDir: string | undefined;
  limits: { perEnterprise: number; total: number; maxMinutes: number };
  reconnectGraceSeconds: number;
  idleStopSeconds: number;
  cameraCheckSeconds: number;
  hls: { segmentSeconds: number; window: number };
  linkTtlSeconds: number;
}

export function liveConfigOf(env: LiveEnv): LiveConfig {
  return {
    enabled: env.LIVE_ENABLED,
    rtmp: { host: env.LIVE_RTMP_HOST, port: env.LIVE_RTMP_PORT, publicUrl: env.LIVE_RTMP_PUBLIC_URL?.replace(/\/+$/, '') },
    flvPort: env.LIVE_FLV_PORT,
    ingest: {
      host: env.LIVE_INGEST_HOST,
      port: env.LIVE_INGEST_PORT,
      url: env.LIVE_INGEST_URL?.replace(/\/+$/, ''),
      secret: env.LIVE_INGEST_SECRET,
    },
    workDir: env.LIVE_WORK_DIR,
    limits: { perEnterprise: env.LIVE_MAX_PER_ENTERPRISE, total: env.LIVE_MAX_TOTAL, maxMinutes: env.LIVE_MAX_MINUTES },
    reconnectGraceSeconds: env.LIVE_RECONNECT_GRACE_SECONDS,
    idleStopSeconds: env.LIVE_IDLE_STOP_SECONDS,
    cameraCheckSeconds: env.LIVE_CAMERA_CHECK_SECONDS,
    hls: { segmentSeconds: env.LIVE_HLS_SEGMENT_SECONDS, window: env.LIVE_HLS_WINDOW },
    linkTtlSeconds: env.LIVE_LINK_TTL_MINUTES * 60,
  };
}
