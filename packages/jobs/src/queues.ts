import type { JobName } from '@platform/core';

export interface QueueDefinition {
  /** `exclusive` + a singleton key per asset: one queued-or-active job per asset, never two workers on it. */
  policy: 'standard' | 'exclusive';
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /**
   * A job whose worker sends no heartbeat for this long (killed, machine lost) is handed out again.
   * Workers refresh every HEARTBEAT_REFRESH_SECONDS, so several refreshes must be lost in a row: a
   * database or machine slowed by a burst of encodes must not hand a healthy job to a second worker.
   */
  heartbeatSeconds: number;
  expireInSeconds: number;
  /** Sending a job NOTIFYs listening workers, which fetch at once instead of at their next poll. */
  notify: boolean;
  /** Cron for recurring jobs, Asia/Shanghai. */
  cron?: string;
  /**
   * Jobs of this queue one process runs at once, instead of WORKER_CONCURRENCY (which is sized for
   * ffmpeg). For queues that mostly wait on the network.
   */
  concurrency?: number;
}

/** How often a worker refreshes the heartbeat of each job it runs. */
export const HEARTBEAT_REFRESH_SECONDS = 5;

/** Every queue's behaviour, one entry per job name (the type makes a missing one a compile error). */
export const QUEUES: Record<JobName, QueueDefinition> = {
  // Users wait for this one: an upload should be PLAYABLE in about a second.
  // Retries wait 5–10, 10–20, 20–40, 40–80 and 80–160 s: the last comes at least 155 s after the
  // first failure, so an object store or database away for a minute or two costs a delay, not the
  // file (with 3 retries the last came 35–70 s after it and a 60 s store outage marked it FAILED:
  // npm run test:faults). Files that cannot be processed are refused at once and never retried.
  'media.process': {
    policy: 'exclusive',
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    heartbeatSeconds: 30,
    expireInSeconds: 3 * 3600,
    notify: true,
  },
  // 2–4 … 64–128 s: like media.process, the last retry comes over two minutes after the first failure.
  'media.photo': {
    policy: 'exclusive',
    retryLimit: 6,
    retryDelay: 2,
    retryBackoff: true,
    heartbeatSeconds: 30,
    expireInSeconds: 600,
    notify: true,
  },
  'uploads.expire': {
    policy: 'standard',
    retryLimit: 1,
    retryDelay: 60,
    retryBackoff: false,
    heartbeatSeconds: 30,
    expireInSeconds: 600,
    notify: false,
    cron: '*/15 * * * *',
  },
  // Daily, at a quiet hour; a missed day only keeps rows a day longer.
  'audit.purge': {
    policy: 'standard',
    retryLimit: 3,
    retryDelay: 600,
    retryBackoff: true,
    heartbeatSeconds: 60,
    expireInSeconds: 3600,
    notify: false,
    cron: '30 3 * * *',
  },
  // Flags for reviewers: worth a retry, never urgent enough to delay the media queues.
  'evidence.check': {
    policy: 'exclusive',
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    heartbeatSeconds: 30,
    expireInSeconds: 600,
    notify: true,
  },
  // Every 5 minutes: a slot is closed as missing at most 5 minutes after its deadline.
  'compliance.sweep': {
    policy: 'standard',
    retryLimit: 2,
    retryDelay: 30,
    retryBackoff: false,
    heartbeatSeconds: 60,
    expireInSeconds: 900,
    notify: false,
    cron: '*/5 * * * *',
  },
  'reminders.missing': {
    policy: 'exclusive',
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    heartbeatSeconds: 30,
    expireInSeconds: 300,
    notify: true,
  },
  // A robot that is down is retried with backoff (30 s, 1 min, 2 min …) on its own queue: it never
  // holds up another enterprise's reminder or any other job.
  'reminders.webhook': {
    policy: 'standard',
    retryLimit: 6,
    retryDelay: 30,
    retryBackoff: true,
    heartbeatSeconds: 30,
    expireInSeconds: 120,
    notify: true,
    // Each post waits up to WEBHOOK_TIMEOUT_SECONDS on a robot that may be dead: several at once,
    // so one hanging robot does not delay the next enterprise's.
    concurrency: 8,
  },
};

/** The options pg-boss lets us change on an existing queue (its policy is fixed at creation). */
const UPDATABLE = ['retryLimit', 'retryDelay', 'retryBackoff', 'heartbeatSeconds', 'expireInSeconds', 'notify'] as const;
type Updatable = Pick<QueueDefinition, (typeof UPDATABLE)[number]>;

/**
 * What must change on a queue that already exists so it behaves as `definition` says, or null
 * when it already does. pg-boss only applies options when it creates a queue, so a database
 * created by an older version keeps the old ones (e.g. no `notify`) until they are updated. Pure.
 */
export function queueUpdates(existing: Partial<Record<keyof Updatable, unknown>>, definition: QueueDefinition): Partial<Updatable> | null {
  const changes: Partial<Record<keyof Updatable, unknown>> = {};
  for (const key of UPDATABLE) if (existing[key] !== definition[key]) changes[key] = definition[key];
  return Object.keys(changes).length ? (changes as Partial<Updatable>) : null;
}
