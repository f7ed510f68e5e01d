import type { Logger } from '../logging/logger.port.ts';

/** Every background job and its payload. Payloads carry ids; handlers reload the record and decide. */
export interface JobPayloads {
  /** Probe and process an uploaded asset: HLS for video, derivatives and evidence for photos. */
  'media.process': {
    assetId: string;
    /**
     * Longest recording accepted, when it is not MAX_VIDEO_MINUTES: a live's recording is bounded
     * by LIVE_MAX_MINUTES at the ingest instead, and may be longer than any upload.
     */
    maxDurationSeconds?: number;
  };
  /**
   * The same for photos (and PDF documents), on a queue of their own: a photo takes a fraction of
   * a second and must not wait behind a video encode that takes minutes.
   */
  'media.photo': { assetId: string };
  /** Abort uploads nobody finished within the configured time and delete their parts. */
  'uploads.expire': Record<string, never>;
  /** Remove audit rows older than the retention (≥ 180 days), leaving the chain's anchor. */
  'audit.purge': Record<string, never>;
  /** Evidence checks of a processed photo or video (capture time, place, reuse, length): flags for a reviewer. */
  'evidence.check': { assetId: string };
  /** Materialise the meetings due today and close the slots whose reporting deadline passed as missing. */
  'compliance.sweep': Record<string, never>;
  /** Tell an enterprise that a meeting is missing: in the app, and a webhook job per group robot. */
  'reminders.missing': { dueMeetingId: string };
  /** Post one reminder to one group robot (WeCom / DingTalk); retried with backoff on failure. */
  'reminders.webhook': { webhookId: string; dueMeetingId: string };
}

export type JobName = keyof JobPayloads;

export interface JobContext {
  /** Aborted when the worker is stopping or the job expired. */
  signal: AbortSignal;
  /** 0 on the first attempt. */
  attempt: number;
  /** True when a failure now will not be retried: the handler should record the outcome. */
  lastAttempt: boolean;
  /** Bound to the job's id and name: expected outcomes a handler absorbs are logged here with their cause. */
  log: Logger;
}

/**
 * The handler of each job. A mapped type, so the compiler insists every job has exactly one
 * handler. Return normally for expected outcomes (including "rejected file"); throw to retry.
 */
export type JobHandlers = { [N in JobName]: (data: JobPayloads[N], ctx: JobContext) => Promise<void> };

/** Enqueues jobs. */
export interface JobQueue {
  /**
   * Higher `priority` runs first among waiting jobs. A job with the `id` of one that exists (a UUID
   * the sender derives) is not queued again: sending it twice is harmless.
   */
  send<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: { singletonKey?: string; priority?: number; id?: string },
  ): Promise<void>;
}
