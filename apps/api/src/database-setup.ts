import { applyAppRoleGrants, applyMigrations, pendingMigrations, roleOfUrl, withSetupLock, type PrismaClient } from '@platform/db';
import { seedDatabase, type SeedResult } from '@platform/seeds';
import type { FastifyBaseLogger } from 'fastify';

/** What {@link setUpDatabase} did. */
export interface DatabaseSetup {
  /** Migrations applied now (none when the database was up to date). */
  migrations: string[];
  /** The application role the grants were applied for; undefined when one role does both. */
  grantedRole: string | undefined;
  seeded: SeedResult;
}

/** Thrown when an API that does not migrate finds the database behind its code. */
export class PendingMigrationsError extends Error {
  override name = 'PendingMigrationsError';
  constructor(readonly pending: string[]) {
    super(
      `the database lacks ${pending.length} migration(s) (${pending.join(', ')}): run "npm run db:migrate" (the migration job), then start the API again; MIGRATE_ON_START=0 never migrates`,
    );
  }
}

/**
 * Brings a database up to this code: migrations (as the owner of the tables, `migrationUrl`), the
 * application role's grants when it is another role, and the reference seed (demo data with
 * `seedDemo`). Serialised across processes by an advisory lock, so replicas starting together
 * cannot interleave; the API at start (MIGRATE_ON_START=1) and `npm run db:migrate` both call it.
 */
export async function setUpDatabase(options: {
  migrationUrl: string;
  databaseUrl: string;
  prisma: PrismaClient;
  seedDemo: boolean;
  log: FastifyBaseLogger;
}): Promise<DatabaseSetup> {
  const { migrationUrl, databaseUrl, log } = options;
  return withSetupLock(migrationUrl, async () => {
    const migrations = await applyMigrations(migrationUrl);
    if (migrations.length) log.info({ migrations }, `applied migrations: ${migrations.join(', ')}`);
    const appRole = roleOfUrl(databaseUrl);
    const separateRoles = roleOfUrl(migrationUrl) !== appRole;
    if (separateRoles) await applyAppRoleGrants(migrationUrl, appRole);
    else
      log.warn(
        'DATABASE_URL is also the owner of the tables: set MIGRATION_DATABASE_URL so the audit log is append-only for the application',
      );
    const seeded = await seedDatabase(options.prisma, { demo: options.seedDemo });
    log.info(seeded, 'seed data in place');
    return { migrations, grantedRole: separateRoles ? appRole : undefined, seeded };
  });
}

/** Refuses to go on (PendingMigrationsError) when the database lacks a migration of this code. */
export async function assertMigrated(databaseUrl: string): Promise<void> {
  const pending = await pendingMigrations(databaseUrl).catch((error: unknown) => {
    // A database migrated before the application role could read the history: the next
    // `npm run db:migrate` applies that grant.
    if ((error as { code?: string }).code === '42501')
      throw new Error(
        `${roleOfUrl(databaseUrl)} may not read the migration history: run "npm run db:migrate" (it grants that), then start the API again`,
        { cause: error },
      );
    throw error;
  });
  if (pending.length) throw new PendingMigrationsError(pending);
}
