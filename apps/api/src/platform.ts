import path from 'node:path';
import { applyMigrations, createPrismaClient, createRepositories, startEmbeddedPostgres, type EmbeddedPostgres, type PrismaClient, type Repositories } from '@platform/db';
import { seedDatabase } from '@platform/seeds';
import type { ApiConfig } from './config.ts';
import { openMediaRuntime, type MediaRuntime } from './media-runtime.ts';
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
  close(): Promise<void>;
}

type Log = (message: string, error?: unknown) => void;

/**
 * Opens the platform: an external PostgreSQL when DATABASE_URL is set, otherwise an embedded
 * one under DATA_DIR; then applies pending migrations and seeds reference (and demo) data.
 */
export async function openPlatform(config: ApiConfig, log: Log): Promise<Platform> {
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPgPort, database: 'platform', log });
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${embedded.dataDir}`);
  }
  const prisma = createPrismaClient(databaseUrl);
  const repos = createRepositories(prisma);
  let runtime: MediaRuntime;
  try {
    const applied = await applyMigrations(databaseUrl);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    const seeded = await seedDatabase(prisma, { demo: config.seedDemo });
    log(`seed: ${seeded.zones} zones, ${seeded.industries} industries${config.seedDemo ? `, ${seeded.enterprises} demo enterprises, ${seeded.users} demo users` : ''}`);
    runtime = await openMediaRuntime(config, databaseUrl, repos, log);
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
    services: createServices(repos, runtime, config),
    async close() {
      await runtime.close();
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}
