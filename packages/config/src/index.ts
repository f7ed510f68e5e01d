import { z } from 'zod';

// Environment keys shared by the API and the worker. Only schemas and mapping live here; each
// app's config.ts reads process.env once, validates with these, and reports every bad key.

export const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const mb = z.coerce.number().positive();

/** Object storage: the filesystem under DATA_DIR by default, or any S3-compatible store. */
export const storageEnvShape = {
  STORAGE_DRIVER: z.enum(['filesystem', 's3']).default('filesystem'),
  STORAGE_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: z.url({ error: 'must be a URL such as https://s3.example.cn' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
};

/** Media limits and ffmpeg selection. */
export const mediaEnvShape = {
  FFMPEG_PATH: z.string().min(1).optional(),
  FFPROBE_PATH: z.string().min(1).optional(),
  MAX_VIDEO_MB: mb.default(4096),
  MAX_VIDEO_MINUTES: z.coerce.number().positive().default(30),
  MAX_PHOTO_MB: mb.default(30),
  /** PDF documents of training and library material (admins' content uploads). */
  UPLOAD_MAX_DOCUMENT_MB: mb.default(100),
  UPLOAD_PART_MB: z.coerce.number().min(5, { error: 'S3 needs parts of at least 5 MB' }).max(512).default(8),
  UPLOAD_TTL_HOURS: z.coerce.number().positive().default(24),
  STAGED_MEDIA_KEEP_DAYS: z.coerce.number().positive().default(7),
  MAX_REMUX_MBPS: z.coerce.number().positive().default(20),
};

/** Online learning (百千万): what a heartbeat may claim and how long learning records are kept. */
export const trainingEnvShape = {
  TRAINING_MAX_PLAYBACK_RATE: z.coerce.number().min(1).max(4).default(1.5),
  TRAINING_HEARTBEAT_SECONDS: z.coerce.number().int().min(2).max(10).default(10),
  TRAINING_READING_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
  LEARNING_RECORD_RETENTION_YEARS: z.coerce.number().min(1).max(30).default(6),
};
export type TrainingEnv = z.infer<z.ZodObject<typeof trainingEnvShape>>;

/** Learning rules for the domain's training services, from the environment. */
export function learningSettingsOf(env: TrainingEnv) {
  return {
    maxPlaybackRate: env.TRAINING_MAX_PLAYBACK_RATE,
    heartbeatSeconds: env.TRAINING_HEARTBEAT_SECONDS,
    readingSeconds: env.TRAINING_READING_SECONDS,
    retentionDays: Math.round(env.LEARNING_RECORD_RETENTION_YEARS * 365.25),
  };
}
export type LearningSettings = ReturnType<typeof learningSettingsOf>;

/** Background jobs. */
export const jobsEnvShape = {
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  JOB_MONITOR_SECONDS: z.coerce.number().int().min(1).default(30),
};

export type StorageEnv = z.infer<z.ZodObject<typeof storageEnvShape>>;
export type MediaEnv = z.infer<z.ZodObject<typeof mediaEnvShape>>;
export type JobsEnv = z.infer<z.ZodObject<typeof jobsEnvShape>>;

export type StorageConfig =
  | { driver: 'filesystem'; root: string }
  | {
      driver: 's3';
      endpoint?: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export interface MediaConfig {
  ffmpegPath?: string;
  ffprobePath?: string;
  maxVideoBytes: number;
  maxDurationSeconds: number;
  maxPhotoBytes: number;
  /** PDF documents, which only content uploads (training and library material) may be. */
  maxDocumentBytes: number;
  partSizeBytes: number;
  uploadTtlHours: number;
  /** Files uploaded for a report that was never submitted are deleted after this. */
  stagedKeepDays: number;
  maxRemuxBitrate: number;
}

/** Cross-key checks zod cannot express per key; returns issues as `KEY: message`. */
export function storageProblems(env: StorageEnv): string[] {
  if (env.STORAGE_DRIVER !== 's3') return [];
  return (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
    .filter((k) => !env[k])
    .map((k) => `${k}: required when STORAGE_DRIVER=s3`);
}

export function storageConfigOf(env: StorageEnv, defaultRoot: string): StorageConfig {
  if (env.STORAGE_DRIVER === 's3') {
    return {
      driver: 's3',
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    };
  }
  return { driver: 'filesystem', root: env.STORAGE_DIR ?? defaultRoot };
}

export function mediaConfigOf(env: MediaEnv): MediaConfig {
  return {
    ffmpegPath: env.FFMPEG_PATH,
    ffprobePath: env.FFPROBE_PATH,
    maxVideoBytes: Math.round(env.MAX_VIDEO_MB * 1024 * 1024),
    maxDurationSeconds: env.MAX_VIDEO_MINUTES * 60,
    maxPhotoBytes: Math.round(env.MAX_PHOTO_MB * 1024 * 1024),
    maxDocumentBytes: Math.round(env.UPLOAD_MAX_DOCUMENT_MB * 1024 * 1024),
    partSizeBytes: Math.round(env.UPLOAD_PART_MB * 1024 * 1024),
    uploadTtlHours: env.UPLOAD_TTL_HOURS,
    stagedKeepDays: env.STAGED_MEDIA_KEEP_DAYS,
    maxRemuxBitrate: env.MAX_REMUX_MBPS * 1_000_000,
  };
}

/** Formats zod issues plus extra problems as one message naming every bad key. */
export function describeConfigProblems(
  issues: { path: PropertyKey[]; message: string }[],
  extra: string[],
  env: Record<string, string | undefined>,
): string {
  const lines = [
    ...issues.map((i) => `  ${String(i.path[0])}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`),
    ...extra.map((e) => `  ${e}`),
  ];
  return `Invalid configuration:\n${lines.join('\n')}\nSee the configuration table in README.md.`;
}

/** Upload rules for the domain's UploadService, from the media configuration. */
export function uploadPolicyOf(media: MediaConfig) {
  return {
    maxVideoBytes: media.maxVideoBytes,
    maxPhotoBytes: media.maxPhotoBytes,
    maxDocumentBytes: media.maxDocumentBytes,
    partSizeBytes: media.partSizeBytes,
    ttlHours: media.uploadTtlHours,
    // Presigned part URLs outlive a slow part on a weak plant network with room to spare.
    partUrlSeconds: 3600,
  };
}

export { ConfigError } from './config-error.ts';
export { readKeptFile, sharedDataKeyEnvShape, sharedDataKeyOf } from './data-key.ts';
export { startProcess } from './process.ts';

export {
  createLogger,
  formatLogLine,
  logEnvShape,
  resolveLogFormat,
  type LogConfig,
  type LogFormat,
  type LogLevel,
  type LogOutput,
} from './logger.ts';

export { evidenceConfigOf, evidenceEnvShape, type EvidenceConfig, type EvidenceEnv } from './evidence.ts';
export { complianceConfigOf, complianceEnvShape, type ComplianceConfig, type ComplianceEnv } from './compliance.ts';
export { remindersConfigOf, remindersEnvShape, type RemindersConfig, type RemindersEnv } from './reminders.ts';
export { liveConfigOf, liveEnvShape, type LiveConfig, type LiveEnv } from './live.ts';
export { metricsEnvShape } from './metrics.ts';
