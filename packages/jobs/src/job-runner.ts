import type { JobContext, JobHandlers, JobName, Logger } from '@platform/core';
import type { PgBoss } from 'pg-boss';
import { HEARTBEAT_REFRESH_SECONDS, QUEUES } from './queues.ts';

export interface RunnerOptions {
  /** Jobs of each queue this process runs at once. ffmpeg uses a core per job. */
  concurrency: number;
  log: Logger;
}

/**
 * Registers every handler with pg-boss exactly once (the handler map is typed by job name) and
 * the cron schedules. pg-boss hands each job to one worker (SKIP LOCKED) and hands it out again
 * when that worker stops sending heartbeats.
 */
export async function startJobRunner(boss: PgBoss, handlers: JobHandlers, options: RunnerOptions): Promise<{ stop(): Promise<void> }> {
  const names = Object.keys(handlers) as JobName[];
  for (const name of names) {
    const definition = QUEUES[name];
    const handler = handlers[name] as (data: unknown, ctx: JobContext) => Promise<void>;
    // On `notify` queues a NOTIFY wakes the worker, and polling is only the backstop for what
    // sends none: retries and jobs handed out again when their start time comes. Without a
    // listener (e.g. PgBouncer in transaction mode) pg-boss polls every half second as before.
    await boss.work<object>(
      name,
      {
        localConcurrency: definition.concurrency ?? options.concurrency,
        batchSize: 1,
        pollingIntervalSeconds: 0.5,
        notifyPollingIntervalSeconds: 2,
        heartbeatRefreshSeconds: HEARTBEAT_REFRESH_SECONDS,
      },
      async ([job]) => {
        if (!job) return;
        const started = Date.now();
        // Payloads are ids (e.g. assetId), so every line of the job names what it works on.
        const log = options.log.child({ job: name, jobId: job.id, attempt: job.retryCount + 1, ...(job.data ?? {}) });
        const lastAttempt = job.retryCount >= definition.retryLimit;
        log.info('job started');
        try {
          await handler(job.data, { signal: job.signal, attempt: job.retryCount, lastAttempt, log });
          log.info({ ms: Date.now() - started }, 'job done');
        } catch (error) {
          log.error({ err: error, ms: Date.now() - started, willRetry: !lastAttempt }, 'job failed');
          throw error;
        }
      },
    );
    if (definition.cron) await boss.schedule(name, definition.cron, {}, { tz: 'Asia/Shanghai' });
  }
  return {
    async stop() {
      for (const name of names) await boss.offWork(name);
    },
  };
}
