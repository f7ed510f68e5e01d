import type { JobContext, JobHandlers, JobName, Logger } from '@platform/core';
import type { PgBoss, WorkOptions } from 'pg-boss';
import { handBack } from './hand-back.ts';
import type { JobMetrics } from './metrics/job-metrics.ts';
import { HEARTBEAT_REFRESH_SECONDS, QUEUES } from './queues.ts';

export interface RunnerOptions {
  /** Jobs of each queue this process runs at once. ffmpeg uses a core per job. */
  concurrency: number;
  log: Logger;
  /** Where each job's duration and failures are recorded (the process's registry); none in some tests. */
  metrics?: JobMetrics;
}

/** The handlers registered with pg-boss, and their stop. */
export interface JobRunner {
  /** True from the first `stop` on: the process takes no new job (a worker's readiness reports it). */
  readonly stopping: boolean;
  /**
   * Stops fetching at once; lets running jobs finish within `graceMs`; then aborts the rest (their
   * signal: ffmpeg is killed, the workspace removed) and hands each back to the queue, runnable at
   * once by another worker and without using up one of its attempts. Resolves when every handler
   * has returned (or `settleMs` after the abort, for a handler that ignores its signal).
   */
  stop(graceMs: number, settleMs?: number): Promise<void>;
}

// A handler that ignores its signal is left to pg-boss's own stop after this long (killing ffmpeg
// and removing a workspace take well under a second).
const SETTLE_AFTER_ABORT_MS = 5_000;

/**
 * Registers every handler with pg-boss exactly once (the handler map is typed by job name) and
 * the cron schedules. pg-boss hands each job to one worker (SKIP LOCKED) and hands it out again
 * when that worker stops sending heartbeats.
 */
export async function startJobRunner(boss: PgBoss, handlers: JobHandlers, options: RunnerOptions): Promise<JobRunner> {
  const names = Object.keys(handlers) as JobName[];
  // Handlers running now: the controller stop() aborts, and their end.
  const running = new Set<{ abort: AbortController; done: Promise<void> }>();
  let stopping: Promise<void> | undefined;
  for (const name of names) {
    const definition = QUEUES[name];
    const handler = handlers[name] as (data: unknown, ctx: JobContext) => Promise<void>;
    // On `notify` queues a NOTIFY wakes the worker, and polling is only the backstop for what
    // sends none: retries and jobs handed out again when their start time comes. Without a
    // listener (e.g. PgBouncer in transaction mode) pg-boss polls every half second as before.
    await boss.work<object, void, WorkOptions & { includeMetadata: true }>(
      name,
      {
        localConcurrency: definition.concurrency ?? options.concurrency,
        batchSize: 1,
        pollingIntervalSeconds: 0.5,
        notifyPollingIntervalSeconds: 2,
        heartbeatRefreshSeconds: HEARTBEAT_REFRESH_SECONDS,
        // For retryLimit: a job handed back at a stop carries a raised one.
        includeMetadata: true,
      },
      async ([job]) => {
        if (!job) return;
        const started = Date.now();
        // Payloads are ids (e.g. assetId), so every line of the job names what it works on.
        const log = options.log.child({ job: name, jobId: job.id, attempt: job.retryCount + 1, ...(job.data ?? {}) });
        // A fetch that was under way when the stop began: not started, handed straight back.
        if (stopping) {
          await handBack(boss, name, job);
          log.info('job handed back unstarted: this process is stopping');
          return;
        }
        const abort = new AbortController();
        let finished!: () => void;
        const entry = { abort, done: new Promise<void>((resolve) => (finished = resolve)) };
        running.add(entry);
        const lastAttempt = job.retryCount >= job.retryLimit;
        log.info('job started');
        try {
          await handler(job.data, {
            signal: AbortSignal.any([job.signal, abort.signal]),
            attempt: job.retryCount,
            // Read when a handler fails: one aborted to be handed back has not failed, so it must
            // not record a final failure (e.g. mark its asset FAILED) on its last attempt.
            get lastAttempt() {
              return lastAttempt && !abort.signal.aborted;
            },
            log,
          });
          options.metrics?.jobDuration.observe({ queue: name, outcome: 'completed' }, (Date.now() - started) / 1000);
          log.info({ ms: Date.now() - started }, 'job done');
        } catch (error) {
          if (abort.signal.aborted) {
            await handBack(boss, name, job);
            log.info({ ms: Date.now() - started }, 'job handed back: this process is stopping');
            return;
          }
          // A job handed back above has not failed: it is in neither count.
          options.metrics?.jobDuration.observe({ queue: name, outcome: 'failed' }, (Date.now() - started) / 1000);
          options.metrics?.jobFailures.inc({ queue: name });
          log.error({ err: error, ms: Date.now() - started, willRetry: !lastAttempt }, 'job failed');
          throw error;
        } finally {
          running.delete(entry);
          finished();
        }
      },
    );
    if (definition.cron) await boss.schedule(name, definition.cron, {}, { tz: 'Asia/Shanghai' });
  }

  const settled = (ms: number) =>
    Promise.race([Promise.all([...running].map((r) => r.done)), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
  const stop = async (graceMs: number, settleMs: number) => {
    // Without waiting: a worker finishing its fetch would otherwise hold the others' stop.
    await Promise.all(names.map((name) => boss.offWork(name, { wait: false })));
    if (running.size) {
      options.log.info({ running: running.size, graceSeconds: graceMs / 1000 }, 'stopping: waiting for the running jobs');
      await settled(graceMs);
    }
    if (!running.size) return;
    options.log.warn({ running: running.size }, 'stopping: grace over, aborting the running jobs to hand them back');
    for (const r of running) r.abort.abort(new Error('the worker is stopping; the job is handed back'));
    await settled(settleMs);
  };
  return {
    get stopping() {
      return stopping !== undefined;
    },
    stop(graceMs, settleMs = SETTLE_AFTER_ABORT_MS) {
      stopping ??= stop(graceMs, settleMs);
      return stopping;
    },
  };
}
