import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess } from '@platform/config';
import type { Logger } from '@platform/core';
import { createPrismaClient, createRepositories } from '@platform/db';
import { openMediaRuntime } from '@platform/jobs';
import { createMetricsRegistry } from '@platform/jobs/metrics';
import { loadWorkerConfig, type WorkerConfig } from './config.ts';
import { startWorkerHttpServer } from './http-server.ts';

// A media worker process. Run any number of them, on any machines that reach the database and
// the object store; pg-boss gives each job to exactly one of them.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function run(config: WorkerConfig, log: Logger): Promise<void> {
  // A worker never makes a data key: a key of its own would not open what the API sealed.
  if (!config.dataKey) log.warn({}, 'DATA_ENCRYPTION_KEY is not set: this worker cannot post reminders to group robots');
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: 4 });
  const metrics = createMetricsRegistry();
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
    dataKey: config.dataKey,
    stopTimeoutSeconds: config.stopGraceSeconds,
    listen: false,
    work: { concurrency: config.concurrency, workRoot: config.workDir },
    log,
    metrics,
  }).catch(async (error: unknown) => {
    await prisma.$disconnect();
    throw error;
  });
  const http = config.http.port
    ? await startWorkerHttpServer({
        ...config.http,
        metricsToken: config.metricsToken,
        registry: metrics,
        isReady: () => !runtime.stopping,
        log,
      }).catch(async (error: unknown) => {
        // `npm run worker` twice on one machine: the second runs without metrics rather than not at all.
        if (config.http.defaultPort && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          log.warn(
            { port: config.http.port },
            'worker HTTP not started: its default port is taken (another worker here?); set WORKER_HTTP_PORT to a free port, or 0 for none',
          );
          return undefined;
        }
        await runtime.close();
        await prisma.$disconnect();
        throw error;
      })
    : undefined;
  if (http) log.info({ port: http.port, host: config.http.host }, 'worker HTTP: /metrics, /health/live, /health/ready');
  log.info({ concurrency: config.concurrency }, 'ready: taking media jobs');

  // `runtime.stopping` is true from here on: no new job is taken (readiness reports it).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceSeconds: config.stopGraceSeconds }, 'stopping: no new jobs; running ones finish or are handed back');
    // The grace, the aborted jobs' cleanup and hand-back (≤ 5 s), pg-boss's stop (≤ 5 s) and closing;
    // before the kubelet's SIGKILL at terminationGracePeriodSeconds = grace + 15.
    setTimeout(() => process.exit(1), (config.stopGraceSeconds + 13) * 1000).unref();
    await runtime.close();
    // Last: readiness answers 503 until the jobs are finished or handed back.
    await http?.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

startProcess('worker', () => loadWorkerConfig(process.env, projectRoot), run);
