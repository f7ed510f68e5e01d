import path from 'node:path';
import {
  createPrismaClient,
  createRepositories,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type PrismaClient,
  type Repositories,
} from '@platform/db';
import { createMetricsRegistry, type Registry } from '@platform/jobs/metrics';
import type { FastifyBaseLogger } from 'fastify';
import type { ApiConfig } from './config.ts';
import { loadDataKey } from './data-key.ts';
import { assertMigrated, setUpDatabase } from './database-setup.ts';
import { ingestSecretOf, type IngestEndpoint } from './live/ingest-endpoint.ts';
import { startIngestProcess, type IngestProcess } from './live/ingest-process.ts';
import { openApiMediaRuntime, type MediaRuntime } from './media-runtime.ts';
import { auditWithRequestContext } from './request-context.ts';
import { createServices, type Services } from './services.ts';

/** Everything a running API needs besides HTTP: database, repositories, services. */
export interface Platform {
  config: ApiConfig;
  databaseUrl: string;
  /** True when this process started its own PostgreSQL. */
  embedded: boolean;
  prisma: PrismaClient;
  repos: Repositories;
  runtime: MediaRuntime;
  services: Services;
  /** The live ingest this API talks to; undefined when live meetings are off (LIVE_ENABLED=0). */
  ingest: IngestEndpoint | undefined;
  /** The process's logger; Fastify logs requests through it too. */
  log: FastifyBaseLogger;
  /** The clock of every service; the real time except in tests. */
  now: () => Date;
  /** The process's metrics (served at /metrics): Node's, the jobs run here, and the API's own. */
  metrics: Registry;
  close(): Promise<void>;
}

export interface PlatformOptions {
  log: FastifyBaseLogger;
  /** Fixes "now" for the services, so tests can assert exact outcomes of timing rules. Tests only. */
  now?: () => Date;
}

/**
 * Opens the platform: an external PostgreSQL when DATABASE_URL is set, otherwise an embedded
 * one under DATA_DIR; then applies pending migrations and seeds reference (and demo) data.
 */
export async function openPlatform(config: ApiConfig, options: PlatformOptions): Promise<Platform> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const metrics = createMetricsRegistry();
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  // The owner of the tables migrates and grants; the application connects as a role that owns
  // nothing and may only append to the audit log (README: database roles).
  let migrationUrl = config.migrationDatabaseUrl;
  if (!databaseUrl) {
    const pgLog = log.child({ component: 'postgres' });
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
      database: 'platform',
      log: (line) => pgLog.info(line),
    });
    databaseUrl = embedded.appUrl;
    migrationUrl = embedded.url;
    log.info({ port: embedded.port, dataDir: embedded.dataDir }, `embedded PostgreSQL on 127.0.0.1:${embedded.port}`);
  }
  const prisma = createPrismaClient(databaseUrl);
  const repos = createRepositories(prisma);
  // Services record events without knowing the request; the address and browser come from it here.
  repos.audit = auditWithRequestContext(repos.audit);
  let runtime: MediaRuntime;
  let dataKey: Buffer;
  let ingest: IngestEndpoint | undefined;
  let ingestProcess: IngestProcess | undefined;
  try {
    if (config.migrateOnStart)
      await setUpDatabase({ migrationUrl: migrationUrl ?? databaseUrl, databaseUrl, prisma, seedDemo: config.seedDemo, log });
    // A replica: `npm run db:migrate` sets the database up, and this code must not run on an older schema.
    else await assertMigrated(migrationUrl ?? databaseUrl);
    dataKey = await loadDataKey(config);
    runtime = await openApiMediaRuntime(config, databaseUrl, repos, log, dataKey, now, metrics);
    ({ endpoint: ingest, process: ingestProcess } = await ingestEndpointOf(config, { databaseUrl, dataKey, log }));
  } catch (error) {
    await ingestProcess?.stop();
    await prisma.$disconnect();
    await embedded?.stop();
    throw error;
  }
  return {
    config,
    databaseUrl,
    embedded: Boolean(embedded),
    prisma,
    repos,
    runtime,
    services: createServices(repos, runtime, config, now, dataKey, { ingest, log: log.child({ component: 'live' }) }),
    ingest,
    log,
    now,
    metrics,
    async close() {
      // First: it ends the lives it runs and stores their recordings (events and jobs go through the database).
      await ingestProcess?.stop();
      await runtime.close();
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}

/**
 * The ingest an API uses: LIVE_INGEST_URL when the ingest runs as its own service; otherwise the
 * one this API starts as its child on the loopback (embedded default). Undefined when live
 * meetings are off.
 */
async function ingestEndpointOf(
  config: ApiConfig,
  options: { databaseUrl: string; dataKey: Buffer; log: FastifyBaseLogger },
): Promise<{ endpoint: IngestEndpoint | undefined; process: IngestProcess | undefined }> {
  if (!config.live.enabled) return { endpoint: undefined, process: undefined };
  const secret = await ingestSecretOf(config);
  if (config.live.ingest.url) return { endpoint: { url: config.live.ingest.url, secret }, process: undefined };
  const child = await startIngestProcess(config, { ...options, secret });
  return { endpoint: { url: child.url, secret }, process: child };
}
