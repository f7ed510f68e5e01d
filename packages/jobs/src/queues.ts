import type { JobName } from '@platform/core';

interface QueueDefinition {
  /** `exclusive` + a singleton key per asset: one queued-or-active job per asset, never two workers on it. */
  policy: 'standard' | 'exclusive';
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /** A job whose worker stops sending heartbeats (killed, machine lost) is handed out again. */
  heartbeatSeconds: number;
  expireInSeconds: number;
  /** Cron for recurring jobs, Asia/Shanghai. */
  cron?: string;
}

/** Every queue's behaviour, one entry per job name (the type makes a missing one a compile error). */
export const QUEUES: Record<JobName, QueueDefinition> = {
  'media.process': { policy: 'exclusive', retryLimit: 3, retryDelay: 5, retryBackoff: true, heartbeatSeconds: 10, expireInSeconds: 3 * 3600 },
  'uploads.expire': { policy: 'standard', retryLimit: 1, retryDelay: 60, retryBackoff: false, heartbeatSeconds: 30, expireInSeconds: 600, cron: '*/15 * * * *' },
};
