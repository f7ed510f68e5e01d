import type { PgBoss } from 'pg-boss';

/** Jobs of one pg-boss queue at the moment of reading. */
export interface QueueStats {
  queue: string;
  /** Waiting jobs whose start time has come (retries still in their backoff are not counted). */
  queued: number;
  active: number;
  /** How long the longest-waiting of those queued jobs has waited since its start time; 0 when none. */
  oldestSeconds: number;
}

// pg-boss keeps its tables in the `pgboss` schema (startBoss sets no other). `job` is partitioned
// by queue name; states are an enum ordered created < retry < active < …, and the partial indexes
// pg-boss fetches with cover `state < 'active' AND NOT blocked`. The queue table's own counters are
// refreshed only by the monitor (every JOB_MONITOR_SECONDS), too stale for a scrape; counting here
// is exact and reads only the live rows.
const QUEUE_STATS_SQL = `
  SELECT q.name AS queue,
         count(j.id) FILTER (WHERE j.state < 'active') AS queued,
         count(j.id) FILTER (WHERE j.state = 'active') AS active,
         coalesce(extract(epoch FROM now() - min(j.start_after) FILTER (WHERE j.state < 'active')), 0) AS oldest_seconds
    FROM pgboss.queue q
    LEFT JOIN pgboss.job j
      ON j.name = q.name AND j.state <= 'active' AND NOT j.blocked AND j.start_after <= now()
   GROUP BY q.name
   ORDER BY q.name`;

/**
 * Reads queued and active jobs and the oldest waiting job's age for every queue, through pg-boss's
 * own connection pool (no new connection per call). Callers cache it: one query per scrape burst.
 */
export async function readQueueStats(boss: PgBoss): Promise<QueueStats[]> {
  const { rows } = await boss.getDb().executeSql(QUEUE_STATS_SQL);
  return (rows as { queue: string; queued: string; active: string; oldest_seconds: string }[]).map((row) => ({
    queue: row.queue,
    queued: Number(row.queued),
    active: Number(row.active),
    oldestSeconds: Math.max(0, Number(row.oldest_seconds)),
  }));
}
