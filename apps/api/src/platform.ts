import path from 'node:path';
import {
  applyMigrations,
  createPrismaClient,
  createRepositories,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type PrismaClient,
  type Repositories,
} from '@platform/db';
import { seedDatabase } from '@platform/seeds';
import type { FastifyBaseLogger } from 'fastify';
import type { ApiConfig } from './config.ts';
import { openApiMediaRuntime, type MediaRuntime } from './media-runtime.ts';
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
  /** The process's logger; Fastify logs requests through it too. */
  log: FastifyBaseLogger;
  /** The clock of every service; the real time except in tests. */
  now: () => Date;
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
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const pgLog = log.child({ component: 'postgres' });
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.embeddedPgPort,
      database: 'platform',
      log: (line) => pgLog.info(line),
    });
    databaseUrl = embedded.url;
    log.info({ port: embedded.port, dataDir: embedded.dataDir }, `embedded PostgreSQL on 127.0.0.1:${embedded.port}`);
  }
  const prisma = createPrismaClient(databaseUrl);
  const repos = createRepositories(prisma);
  let runtime: MediaRuntime;
  try {
    const applied = await applyMigrations(databaseUrl);
    if (applied.length) log.info({ migrations: applied }, `applied migrations: ${applied.join(', ')}`);
    const seeded = await seedDatabase(prisma, { demo: config.seedDemo });
    log.info(seeded, 'seed data in place');
    runtime = await openApiMediaRuntime(config, databaseUrl, repos, log, now);
  } catch (error) {
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
    services: createServices(repos, runtime, config, now),
    log,
    now,
    async close() {
      await runtime.close();
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}
