import path from 'node:path';
import {
  ConfigError,
  describeConfigProblems,
  liveConfigOf,
  liveEnvShape,
  logEnvShape,
  mediaConfigOf,
  mediaEnvShape,
  metricsEnvShape,
  readKeptFile,
  sharedDataKeyEnvShape,
  sharedDataKeyOf,
  storageConfigOf,
  storageEnvShape,
  storageProblems,
  type LiveConfig,
  type LogConfig,
  type MediaConfig,
  type StorageConfig,
} from '@platform/config';
import { z } from 'zod';

const EnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'required: the platform PostgreSQL, as postgres://user:password@host/db' }),
  DATA_DIR: z.string().min(1).default('.data'),
  ...sharedDataKeyEnvShape,
  ...storageEnvShape,
  ...mediaEnvShape,
  ...liveEnvShape,
  ...metricsEnvShape,
  ...logEnvShape,
});

/** Validated configuration of the live ingest process (`npm run ingest`, or started by the API). */
export interface IngestConfig {
  /** As the application role; the ingest never migrates. */
  databaseUrl: string;
  dataDir: string;
  /** Opens the cameras' sealed RTSP addresses; DATA_ENCRYPTION_KEY or the embedded API's key file. */
  dataKey: Buffer | undefined;
  storage: StorageConfig;
  media: MediaConfig;
  live: LiveConfig;
  /** LIVE_WORK_DIR, default DATA_DIR/live: live HLS windows and recordings in progress. */
  workDir: string;
  /** LIVE_INGEST_SECRET, or the one an embedded API keeps under DATA_DIR. */
  secret: string;
  /** METRICS_TOKEN: who may read /metrics; without it, loopback callers only. */
  metricsToken: string | undefined;
  log: LogConfig;
}

/** Reads and validates the environment once at boot, naming every bad key. */
export function loadIngestConfig(env: NodeJS.ProcessEnv, projectRoot: string): IngestConfig {
  const parsed = EnvSchema.safeParse(env);
  const extra = parsed.success ? storageProblems(parsed.data) : [];
  if (!parsed.success || extra.length) throw new ConfigError(describeConfigProblems(parsed.error?.issues ?? [], extra, env));
  const e = parsed.data;
  const dataDir = path.resolve(projectRoot, e.DATA_DIR);
  const live = liveConfigOf(e);
  const secret = live.ingest.secret ?? readKeptFile(path.join(dataDir, 'live-ingest-secret'));
  if (!secret)
    throw new ConfigError(
      "Invalid configuration:\n  LIVE_INGEST_SECRET: required (the same as the API's); generate one with: openssl rand -base64 48\nSee the configuration table in README.md.",
    );
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    dataKey: sharedDataKeyOf(e.DATA_ENCRYPTION_KEY, dataDir),
    // Same default as the API, so an API and an ingest on one machine share the filesystem store.
    storage: storageConfigOf(e, path.join(dataDir, 'objects')),
    media: mediaConfigOf(e),
    live,
    workDir: path.resolve(projectRoot, live.workDir ?? path.join(dataDir, 'live')),
    secret,
    metricsToken: e.METRICS_TOKEN,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
  };
}
