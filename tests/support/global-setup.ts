import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyAppRoleGrants, applyMigrations, createPrismaClient, startEmbeddedPostgres } from '@platform/db';
import { seedDatabase } from '@platform/seeds';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's `postgres` database, for creating per-file databases. */
    pgAdminUrl: string;
    /** The same as the application role (not a superuser; append-only on the audit log). */
    pgAppUrl: string;
    /** Name of a migrated and demo-seeded database to copy with CREATE DATABASE … TEMPLATE. */
    templateDatabase: string;
  }
}

const TEMPLATE = 'platform_template';

/**
 * One real PostgreSQL for the whole run, on a free port in a temp dir. Each test file gets its
 * own copy of a migrated, seeded template database, so files run in parallel without sharing rows.
 */
export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'platform-test-'));
  await fs.chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: 0, database: TEMPLATE });
  await applyMigrations(pg.url);
  // Grants live in the database, so every copy of the template has them; the role is the cluster's.
  await applyAppRoleGrants(pg.url, pg.appRole);
  const prisma = createPrismaClient(pg.url);
  await seedDatabase(prisma, { demo: true });
  await prisma.$disconnect();

  project.provide('pgAdminUrl', pg.url.replace(/\/[^/]+$/, '/postgres'));
  project.provide('pgAppUrl', pg.appUrl.replace(/\/[^/]+$/, '/postgres'));
  project.provide('templateDatabase', TEMPLATE);
  return async () => {
    await pg.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}
