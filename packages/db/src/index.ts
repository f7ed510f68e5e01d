export { createPrismaClient, type PrismaClient } from './client.ts';
export {
  APP_ROLE,
  runningEmbeddedUrl,
  startEmbeddedPostgres,
  isTraversableByOthers,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-postgres.ts';
export { APP_ROLE_GRANTS_SQL, applyAppRoleGrants, ensureLoginRole, quoteIdent, roleOfUrl } from './db-roles.ts';
export { applyMigrations, MigrationError, MIGRATIONS_DIR, pendingMigrations, withSetupLock } from './migrator.ts';
export { createRepositories, type Repositories } from './repositories/index.ts';
export { checkDatabase } from './health.ts';
export { isDatabaseUnavailable } from './database-unavailable.ts';
export { PgEventBus } from './pg-event-bus.ts';
