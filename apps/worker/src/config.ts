import path from 'node:path';
import {
  ConfigError,
  describeConfigProblems,
  jobsEnvShape,
  learningSettingsOf,
  type LearningSettings,
  trainingEnvShape,
  logEnvShape,
  mediaConfigOf,
  mediaEnvShape,
  metricsEnvShape,
  complianceConfigOf,
  complianceEnvShape,
  remindersConfigOf,
  remindersEnvShape,
  sharedDataKeyEnvShape,
  sharedDataKeyOf,
  storageConfigOf,
  storageEnvShape,
  storageProblems,
  type LogConfig,
  type MediaConfig,
  type ComplianceConfig,
  type RemindersConfig,
  type StorageConfig,
} from '@platform/config';
import { MIN_AUDIT_RETENTION_DAYS } from '@platform/core';
import { z } from 'zod';

const EnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'required: the platform PostgreSQL, as postgres://user:password@host/db' }),
  DATA_DIR: z.string().min(1).default('.data'),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(MIN_AUDIT_RETENTION_DAYS, { error: `must be at least ${MIN_AUDIT_RETENTION_DAYS} (等保 level 3 keeps audit records six months)` })
    .default(MIN_AUDIT_RETENTION_DAYS),
  WORK_DIR: z.string().min(1).optional(),
  WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  WORKER_HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  WORKER_STOP_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  ...sharedDataKeyEnvShape,
  ...remindersEnvShape,
  ...complianceEnvShape,
  ...storageEnvShape,
  ...mediaEnvShape,
  ...jobsEnvShape,
  ...trainingEnvShape,
  ...logEnvShape,
  ...metricsEnvShape,
});

/** Validated configuration of a standalone media worker (`npm run worker`). */
export interface WorkerConfig {
  /** As the application role (see the README's database roles); the worker never migrates. */
  databaseUrl: string;
  /** The daily job removes audit rows older than this (at least 180). */
  auditRetentionDays: number;
  learning: LearningSettings;
  storage: StorageConfig;
  media: MediaConfig;
  /** Parent of per-job scratch directories; the OS temp dir by default. */
  workDir: string | undefined;
  concurrency: number;
  jobMonitorSeconds: number;
  /** After SIGTERM: time for running jobs to finish before they are aborted and handed back to the queue. */
  stopGraceSeconds: number;
  log: LogConfig;
  /** The worker's own HTTP server (/metrics, /health/live, /health/ready); port 0 = none. */
  /**
   * The worker's HTTP server. `defaultPort`: WORKER_HTTP_PORT was not set, so a second worker on
   * the same machine finding the port taken runs without one instead of failing to start.
   */
  http: { port: number; host: string; defaultPort: boolean };
  /** Bearer token `/metrics` asks for; undefined lets only loopback callers scrape. */
  metricsToken: string | undefined;
  /** The API's data key (robot URLs are sealed with it): DATA_ENCRYPTION_KEY, or the embedded API's key file under DATA_DIR. */
  dataKey: Buffer | undefined;
  reminders: RemindersConfig;
  compliance: ComplianceConfig;
}

/** Reads and validates the environment once at boot, naming every bad key. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv, projectRoot: string): WorkerConfig {
  const parsed = EnvSchema.safeParse(env);
  const extra = parsed.success ? storageProblems(parsed.data) : [];
  if (!parsed.success || extra.length) throw new ConfigError(describeConfigProblems(parsed.error?.issues ?? [], extra, env));
  const e = parsed.data;
  const dataDir = path.resolve(projectRoot, e.DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    learning: learningSettingsOf(e),
    // Same default as the API, so an API and a worker on one machine share the filesystem store.
    storage: storageConfigOf(e, path.join(dataDir, 'objects')),
    media: mediaConfigOf(e),
    workDir: e.WORK_DIR ? path.resolve(projectRoot, e.WORK_DIR) : undefined,
    concurrency: e.WORKER_CONCURRENCY,
    jobMonitorSeconds: e.JOB_MONITOR_SECONDS,
    stopGraceSeconds: e.WORKER_STOP_GRACE_SECONDS,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    http: { port: e.WORKER_HTTP_PORT, host: e.WORKER_HTTP_HOST, defaultPort: !env.WORKER_HTTP_PORT },
    metricsToken: e.METRICS_TOKEN,
    dataKey: sharedDataKeyOf(e.DATA_ENCRYPTION_KEY, dataDir),
    // The API's default: a worker's links must match what the API would send.
    compliance: complianceConfigOf(e),
    reminders: remindersConfigOf(e, 'http://localhost:3000'),
  };
}
