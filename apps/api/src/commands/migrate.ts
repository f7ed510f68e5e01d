import { startProcess } from '@platform/config';
import { createPrismaClient } from '@platform/db';
import type { FastifyBaseLogger } from 'fastify';
import { loadMigrateConfig, type MigrateConfig } from '../config.ts';
import { setUpDatabase } from '../database-setup.ts';

// `npm run db:migrate`: sets a database up for this version of the code, once, before API
// replicas started with MIGRATE_ON_START=0 roll out (the Kubernetes migration Job, compose's
// one-shot service). Migrations as MIGRATION_DATABASE_URL (else DATABASE_URL), the grants of
// DATABASE_URL's role, reference data (and demo data with SEED_DEMO=1). Safe to run again, and
// beside a starting API: the setup takes an advisory lock.

async function migrate(config: MigrateConfig, log: FastifyBaseLogger): Promise<void> {
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: 2 });
  try {
    const done = await setUpDatabase({
      migrationUrl: config.migrationDatabaseUrl,
      databaseUrl: config.databaseUrl,
      prisma,
      seedDemo: config.seedDemo,
      log,
    });
    log.info(
      { migrations: done.migrations, grantedRole: done.grantedRole, seeded: done.seeded },
      done.migrations.length ? `database set up: ${done.migrations.length} migration(s) applied` : 'database set up: already up to date',
    );
  } catch (error) {
    log.fatal({ err: error }, `migration failed: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}

startProcess('migrate', () => loadMigrateConfig(process.env), migrate);
