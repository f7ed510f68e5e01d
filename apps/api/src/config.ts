import path from 'node:path';
import {
  bool,
  ConfigError,
  describeConfigProblems,
  jobsEnvShape,
  learningSettingsOf,
  type LearningSettings,
  trainingEnvShape,
  liveConfigOf,
  liveEnvShape,
  type LiveConfig,
  logEnvShape,
  mediaConfigOf,
  metricsEnvShape,
  mediaEnvShape,
  complianceConfigOf,
  complianceEnvShape,
  remindersConfigOf,
  remindersEnvShape,
  storageConfigOf,
  storageEnvShape,
  storageProblems,
  type LogConfig,
  type MediaConfig,
  type ComplianceConfig,
  type RemindersConfig,
  type StorageConfig,
} from '@platform/config';
import type { LoginThrottlePolicy, UploadQuota } from '@platform/core';
import { MIN_AUDIT_RETENTION_DAYS } from '@platform/core';
import { z } from 'zod';

export { ConfigError };
const minutes = z.coerce.number().int().min(1);
const count = z.coerce.number().int().min(1);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  MIGRATION_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(MIN_AUDIT_RETENTION_DAYS, { error: `must be at least ${MIN_AUDIT_RETENTION_DAYS} (等保 level 3 keeps audit records six months)` })
    .default(MIN_AUDIT_RETENTION_DAYS),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(54329),
  SEED_DEMO: bool.optional(),
  SEED_DEMO_ACTIVITY: bool.optional(),
  SESSION_IDLE_MINUTES: minutes.default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  DATA_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+=*$/.test(v), {
      error: 'must be 32 bytes in base64; generate one with: openssl rand -base64 32',
    })
    .optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: minutes.default(1),
  LOGIN_LOCKOUT_MAX_MINUTES: minutes.default(60),
  LOGIN_QUIET_MINUTES: minutes.default(60),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PER_MINUTE: count.default(600),
  RATE_LIMIT_IP_PER_MINUTE: count.default(120),
  UPLOADS_OPEN_PER_USER: count.default(20),
  UPLOADS_OPEN_PER_ENTERPRISE: count.default(100),
  UPLOADS_OPEN_GB_PER_ENTERPRISE: z.coerce.number().positive().default(40),
  EVENT_STREAMS_PER_SESSION: count.default(4),
  EVENT_STREAMS_PER_USER: count.default(10),
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.url({ error: 'each entry must be an origin such as https://safety.example.cn' }))),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  WEB_DIR: z.string().optional(),
  OPENAPI_DOCS: bool.default(true),
  SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
  /** A CJK font (.ttf, .otf or .ttc) for PDF reports; default: the Noto Sans CJK of Debian's fonts-noto-cjk. */
  REPORT_FONT_PATH: z.string().min(1).optional(),
  /** The face inside a .ttc collection, e.g. NotoSansCJKsc-Regular. */
  REPORT_FONT_NAME: z.string().min(1).optional(),
  MEDIA_SIGNING_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters; generate one with: openssl rand -base64 48' })
    .optional(),
  MEDIA_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(360),
  MEDIA_LINK_CHECK_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  SESSION_LIMIT_PRIVILEGED: z.coerce.number().int().min(1).max(100).default(1),
  SESSION_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
  WORKER_IN_PROCESS: bool.optional(),
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(120).default(0),
  MIGRATE_ON_START: bool.default(true),
  ...storageEnvShape,
  ...mediaEnvShape,
  ...jobsEnvShape,
  ...trainingEnvShape,
  ...liveEnvShape,
  ...remindersEnvShape,
  ...complianceEnvShape,
  ...logEnvShape,
  ...metricsEnvShape,
});

/** Validated configuration of the API process. */
export interface ApiConfig {
  port: number;
  host: string;
  /** External database, as the application role; when absent an embedded PostgreSQL is started under dataDir. */
  databaseUrl: string | undefined;
  /**
   * The same database as the owner of the tables, for migrations and the application role's grants.
   * Without it DATABASE_URL does both, and the audit log is not append-only for the application.
   */
  migrationDatabaseUrl: string | undefined;
  /** Audit rows older than this are removed by the daily retention job (at least 180). */
  auditRetentionDays: number;
  learning: LearningSettings;
  dataDir: string;
  embeddedPgPort: number;
  seedDemo: boolean;
  /** With demo data: meetings of the past two days (on time, late, without evidence, reused photo, missing) on first start. */
  seedDemoActivity: boolean;
  /** A password older than this must be changed at the next request; 0 = never. */
  passwordMaxAgeDays: number;
  /** AES-256 key for secrets at rest (SecretBox); undefined in the embedded mode, where one is kept under dataDir. */
  dataEncryptionKey: Buffer | undefined;
  auth: { sessionIdleMinutes: number; sessionAbsoluteHours: number };
  /** Failed logins per user name and source: lock after maxFailures, for lockMinutes doubling per lock up to maxLockMinutes. */
  loginThrottle: LoginThrottlePolicy;
  loginRateLimitPerMinute: number;
  /** Requests a minute per session or API token, and per address for requests without one. */
  rateLimit: { perSessionPerMinute: number; perIpPerMinute: number };
  /** Open uploads (neither completed nor expired) per user and per enterprise, and their declared bytes per enterprise. */
  uploadQuota: UploadQuota;
  /** Open event streams per session (or API token) and per user. */
  eventStreams: { perSession: number; perUser: number };
  /** Extra origins allowed to send state-changing requests besides the request's own host. */
  publicOrigins: string[];
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Built SvelteKit app to serve for every non-API path; undefined serves the API only. */
  webDir: string | undefined;
  /** Serve the OpenAPI document and its UI (/api/openapi.json, /api/docs); turn off in production. */
  openApiDocs: boolean;
  log: LogConfig;
  /** Requests slower than this are logged at info; the others at debug. */
  slowRequestMs: number;
  /** Bearer token `/metrics` asks for; undefined lets only loopback callers scrape. */
  metricsToken: string | undefined;
  /** CJK font for PDF reports: a file (and a face of a collection), or undefined to look in the usual places. */
  reportFont: { path: string | undefined; name: string | undefined };
  storage: StorageConfig;
  media: MediaConfig;
  /** HMAC secret for media links; undefined in the embedded mode, where one is kept under dataDir. */
  mediaSigningSecret: string | undefined;
  mediaLinkTtlSeconds: number;
  /**
   * Concurrent sessions per account (privileged roles, everyone else; a new login ends the oldest
   * beyond it), and how long a media link's check that its session is live is reused.
   */
  sessions: { limitPrivileged: number; limit: number; linkCheckSeconds: number };
  /** Run media jobs inside the API process (embedded default) instead of separate `npm run worker` processes. */
  workerInProcess: boolean;
  /** After SIGTERM: seconds readiness answers 503 while the listener still serves, so load balancers stop sending. */
  shutdownDrainSeconds: number;
  /**
   * Apply migrations, the application role's grants and the reference seed at start. Off for replicas
   * (`npm run db:migrate` does it once); the API then refuses to start on a database with pending migrations.
   */
  migrateOnStart: boolean;
  workerConcurrency: number;
  jobMonitorSeconds: number;
  /** Missing-meeting reminders: the public URL their links use, robot URL policy, post timeout. */
  reminders: RemindersConfig;
  /** Due meetings: the reporting grace after each meeting window. */
  compliance: ComplianceConfig;
  /** Live meetings: ingest, limits, timings. */
  live: LiveConfig;
}

/** Reads and validates the environment once at boot, reporting every bad key together. */
export function loadConfig(env: NodeJS.ProcessEnv, projectRoot: string): ApiConfig {
  const parsed = EnvSchema.safeParse(env);
  const extra = parsed.success ? crossKeyProblems(parsed.data) : [];
  if (!parsed.success || extra.length) {
    throw new ConfigError(describeConfigProblems(parsed.error?.issues ?? [], extra, env));
  }
  const e = parsed.data;
  const dataDir = path.resolve(projectRoot, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    learning: learningSettingsOf(e),
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    // Demo accounts with a published password must never appear on a real database by accident.
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    seedDemoActivity: (e.SEED_DEMO ?? !e.DATABASE_URL) && (e.SEED_DEMO_ACTIVITY ?? true),
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY ? Buffer.from(e.DATA_ENCRYPTION_KEY, 'base64') : undefined,
    auth: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    },
    loginThrottle: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCKOUT_MINUTES,
      maxLockMinutes: e.LOGIN_LOCKOUT_MAX_MINUTES,
      quietMinutes: e.LOGIN_QUIET_MINUTES,
    },
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    rateLimit: { perSessionPerMinute: e.RATE_LIMIT_PER_MINUTE, perIpPerMinute: e.RATE_LIMIT_IP_PER_MINUTE },
    uploadQuota: {
      openPerUser: e.UPLOADS_OPEN_PER_USER,
      openPerEnterprise: e.UPLOADS_OPEN_PER_ENTERPRISE,
      openBytesPerEnterprise: Math.round(e.UPLOADS_OPEN_GB_PER_ENTERPRISE * 1024 ** 3),
    },
    eventStreams: { perSession: e.EVENT_STREAMS_PER_SESSION, perUser: e.EVENT_STREAMS_PER_USER },
    publicOrigins: e.PUBLIC_ORIGIN.map((o) => new URL(o).origin),
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    webDir: e.WEB_DIR ? path.resolve(projectRoot, e.WEB_DIR) : path.join(projectRoot, 'apps', 'web', 'build'),
    openApiDocs: e.OPENAPI_DOCS,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    slowRequestMs: e.SLOW_REQUEST_MS,
    metricsToken: e.METRICS_TOKEN,
    reportFont: { path: e.REPORT_FONT_PATH ? path.resolve(projectRoot, e.REPORT_FONT_PATH) : undefined, name: e.REPORT_FONT_NAME },
    storage: storageConfigOf(e, path.join(dataDir, 'objects')),
    media: mediaConfigOf(e),
    mediaSigningSecret: e.MEDIA_SIGNING_SECRET,
    mediaLinkTtlSeconds: e.MEDIA_LINK_TTL_MINUTES * 60,
    sessions: { limitPrivileged: e.SESSION_LIMIT_PRIVILEGED, limit: e.SESSION_LIMIT, linkCheckSeconds: e.MEDIA_LINK_CHECK_SECONDS },
    workerInProcess: e.WORKER_IN_PROCESS ?? !e.DATABASE_URL,
    shutdownDrainSeconds: e.SHUTDOWN_DRAIN_SECONDS,
    migrateOnStart: e.MIGRATE_ON_START,
    workerConcurrency: e.WORKER_CONCURRENCY,
    jobMonitorSeconds: e.JOB_MONITOR_SECONDS,
    // Without PUBLIC_URL, links use the first extra origin, else this server as seen from its own machine.
    compliance: complianceConfigOf(e),
    live: liveConfigOf(e),
    reminders: remindersConfigOf(e, e.PUBLIC_ORIGIN[0] ?? `http://localhost:${e.PORT}`),
  };
}

const MigrateEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'required: the database to migrate, as the application role (postgres://…)' }),
  MIGRATION_DATABASE_URL: EnvSchema.shape.MIGRATION_DATABASE_URL,
  SEED_DEMO: bool.default(false),
  ...logEnvShape,
});

/** Configuration of `npm run db:migrate`: only the database keys (a migration job holds no other secret). */
export interface MigrateConfig {
  /** The application role, which is granted its rights. */
  databaseUrl: string;
  /** The owner of the tables, which migrates; DATABASE_URL when absent. */
  migrationDatabaseUrl: string;
  seedDemo: boolean;
  log: LogConfig;
}

/** Reads the migration command's keys, reporting every bad one. */
export function loadMigrateConfig(env: NodeJS.ProcessEnv): MigrateConfig {
  const parsed = MigrateEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeConfigProblems(parsed.error.issues, [], env));
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL,
    seedDemo: e.SEED_DEMO,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
  };
}

function crossKeyProblems(e: z.infer<typeof EnvSchema>): string[] {
  const problems = storageProblems(e);
  if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL)
    problems.push('MIGRATION_DATABASE_URL: only with DATABASE_URL (the owner of the tables, beside the application role)');
  if (e.LOGIN_LOCKOUT_MAX_MINUTES < e.LOGIN_LOCKOUT_MINUTES)
    problems.push('LOGIN_LOCKOUT_MAX_MINUTES: must be at least LOGIN_LOCKOUT_MINUTES (the first lock)');
  // Sealed secrets written by one instance must open on every other, and survive a move of DATA_DIR.
  if (e.DATABASE_URL && !e.DATA_ENCRYPTION_KEY)
    problems.push(
      'DATA_ENCRYPTION_KEY: required with DATABASE_URL (all API instances must share it); generate one with: openssl rand -base64 32',
    );
  // Every API instance must sign and check media links with the same key.
  if (e.DATABASE_URL && !e.MEDIA_SIGNING_SECRET)
    problems.push(
      'MEDIA_SIGNING_SECRET: required with DATABASE_URL (all API instances must share it); generate one with: openssl rand -base64 48',
    );
  return problems;
}
