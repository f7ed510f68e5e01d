import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient, createRepositories, PgEventBus } from '@platform/db';
import { startBoss, startWorker } from '@platform/jobs';
import { resolveFfmpegBinaries } from '@platform/media';
import { createObjectStore } from '@platform/storage';
import { ConfigError, uploadPolicyOf } from '@platform/config';
import { loadWorkerConfig } from './config.ts';

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
  const log = (message: string, error?: unknown) => console.log(`[worker ${process.pid}] ${message}${error ? `: ${(error as Error).message}` : ''}`);
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: 4 });
  const repos = createRepositories(prisma);
  const store = createObjectStore(config.storage);
  const ffmpeg = resolveFfmpegBinaries(config.media);
  const events = new PgEventBus(config.databaseUrl, log);
  const boss = await startBoss({ databaseUrl: config.databaseUrl, monitorIntervalSeconds: config.jobMonitorSeconds, schedule: true, onError: (e) => log('job queue error', e) });
  const worker = await startWorker({
    boss,
    store,
    media: repos.media,
    audit: repos.audit,
    events,
    ffmpeg,
    limits: config.media,
    uploadPolicy: uploadPolicyOf(config.media),
    concurrency: config.concurrency,
    workRoot: config.workDir,
    log,
  });
  log(`ready: ffmpeg ${ffmpeg.source} (${ffmpeg.ffmpeg}), storage ${config.storage.driver}, concurrency ${config.concurrency}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the current job, then stopping`);
    setTimeout(() => process.exit(1), 60_000).unref();
    await worker.stop();
    await boss.stop({ graceful: true, timeout: 30_000 });
    await store.close();
    await events.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('[worker] failed to start:', error);
  process.exit(1);
});
