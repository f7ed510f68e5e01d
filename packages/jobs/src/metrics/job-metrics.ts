import type { TranscodeRun } from '@platform/media';
import { Counter, Histogram, type Registry } from 'prom-client';

/** The names of the metrics of jobs, as the dashboard and the load tests query them. */
export const JOB_METRIC_NAMES = {
  jobDuration: 'job_duration_seconds',
  jobFailures: 'job_failures_total',
  transcodeSpeed: 'transcode_speed_ratio',
} as const;

/** What the job runner and the video pipeline record, in the registry of the process that runs them. */
export interface JobMetrics {
  /** Handler run time by queue and outcome (completed, failed: thrown, to be retried or not). */
  jobDuration: Histogram<'queue' | 'outcome'>;
  jobFailures: Counter<'queue'>;
  /** Media seconds over wall seconds of each remux or encode run ("× real time"). */
  transcodeSpeed: Histogram<'kind'>;
  /** Records one ffmpeg run; pass to the video processor as its observer. */
  observeTranscode(run: TranscodeRun): void;
}

/**
 * Registers the job metrics in `registry`. The API (when it runs jobs in-process) and the worker
 * each call it once on their own registry, so the job runner needs no global state.
 */
export function createJobMetrics(registry: Registry): JobMetrics {
  const jobDuration = new Histogram({
    name: JOB_METRIC_NAMES.jobDuration,
    help: 'Time a job handler ran, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    // From a photo's second to a long encode's half hour.
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600],
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: JOB_METRIC_NAMES.jobFailures,
    help: 'Job attempts that threw (retried unless it was the last attempt), by queue',
    labelNames: ['queue'] as const,
    registers: [registry],
  });
  const transcodeSpeed = new Histogram({
    name: JOB_METRIC_NAMES.transcodeSpeed,
    help: 'Media seconds per wall second of an ffmpeg remux or encode (× real time)',
    labelNames: ['kind'] as const,
    // An encode of a ladder runs at 1-5×, a remux at hundreds.
    buckets: [0.25, 0.5, 1, 1.5, 2, 3, 5, 8, 15, 30, 60, 125, 250, 500, 1000],
    registers: [registry],
  });
  return {
    jobDuration,
    jobFailures,
    transcodeSpeed,
    observeTranscode(run) {
      if (run.mediaSeconds > 0 && run.wallSeconds > 0) transcodeSpeed.observe({ kind: run.kind }, run.mediaSeconds / run.wallSeconds);
    },
  };
}
