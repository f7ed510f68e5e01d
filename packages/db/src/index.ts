export { createPrismaClient, type PrismaClient } from './client.ts';
export { startEmbeddedPostgres, isTraversableByOthers, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.ts';
export { applyMigrations, MigrationError, MIGRATIONS_DIR } from './migrator.ts';
export { createRepositories, type Repositories } from './repositories/index.ts';
export { checkDatabase } from './health.ts';
export { PgEventBus } from './pg-event-bus.ts';
