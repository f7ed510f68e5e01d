import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, createLogger } from '@platform/config';
import type { Logger } from '@platform/core';
import { createPrismaClient, createRepositories } from '@platform/db';
import { openMediaRuntime } from '@platform/jobs';
import { loadWorkerConfig, type WorkerConfig } from './config.ts';

// A media worker process. Run any number of them, on any machines that reach the database and
// the object store; pg-boss gives each job to exactly one of them.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadWorkerConfig(process.env, projectRoot);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.log, 'worker');
  process.on('unhandledRejection', (error) => {
    log.fatal({ err: error }, 'unhandled promise rejection');
    process.exit(1);
  });
  await run(config, log).catch((error: unknown) => {
    log.fatal({ err: error }, 'failed to start');
    process.exit(1);
  });
}

async function run(config: WorkerConfig, log: Logger): Promise<void> {
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: 4 });
  const runtime = await openMediaRuntime({
    databaseUrl: config.databaseUrl,
    repos: createRepositories(prisma),
    storage: config.storage,
    media: config.media,
    jobMonitorSeconds: config.jobMonitorSeconds,
    auditRetentionDays: config.auditRetentionDays,
    learningRetentionDays: config.learning.retentionDays,
    reminders: config.reminders,
    compliance: config.compliance,
    dataKey: await workerDataKey(config, log),
    stopTimeoutSeconds: 30,
    listen: false,
    work: { concurrency: config.concurrency, workRoot: config.workDir },
    log,
  }).catch(async (error: unknown) => {
    await prisma.$disconnect();
    throw error;
  });
  log.info({ concurrency: config.concurrency }, 'ready: taking media jobs');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'finishing the current job, then stopping');
    setTimeout(() => process.exit(1), 60_000).unref();
    await runtime.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * DATA_ENCRYPTION_KEY, or the key an embedded API keeps in DATA_DIR on this machine. A worker never
 * makes one: a key of its own would not open what the API sealed.
 */
async function workerDataKey(config: WorkerConfig, log: Logger): Promise<Buffer | undefined> {
  if (config.dataEncryptionKey) return config.dataEncryptionKey;
  const file = path.join(config.dataDir, 'data-encryption-key');
  if (existsSync(file)) return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
  log.warn({}, 'DATA_ENCRYPTION_KEY is not set: this worker cannot post reminders to group robots');
  return undefined;
}

main().catch((error: unknown) => {
  console.error('[worker] failed to start:', error);
  process.exit(1);
});
