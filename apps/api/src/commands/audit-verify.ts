// `npm run audit:verify`: checks the SM3 hash chain of the audit log and prints the first broken
// row, or OK with the count. Exit code 0 when intact, 1 when broken, 2 when it cannot run.
// Uses the API's configuration: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (the
// running one if the API is up, otherwise started for the check and stopped again).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient, createRepositories, runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPostgres } from '@platform/db';
import { ConfigError, loadConfig } from '../config.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

async function main(): Promise<number> {
  const config = loadConfig(process.env, projectRoot);
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl ?? (await runningEmbeddedUrl(path.join(config.dataDir, 'postgres'), 'platform'));
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), port: 0, database: 'platform' });
    url = embedded.appUrl;
  }
  const prisma = createPrismaClient(url, { maxConnections: 1 });
  try {
    const report = await createRepositories(prisma).audit.verifyChain();
    const from = report.anchoredAfterId ? ` after the retention anchor (rows up to ${report.anchoredAfterId} were purged)` : '';
    if (report.broken) {
      console.error(`BROKEN at audit row ${report.broken.id}: ${report.broken.reason} (${report.checked} rows verified before it${from})`);
      return 1;
    }
    const legacy = report.unchained ? `; ${report.unchained} older rows predate the chain` : '';
    console.log(`OK: ${report.checked} rows verified${from}${legacy}; head ${report.head}`);
    return 0;
  } finally {
    await prisma.$disconnect();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
