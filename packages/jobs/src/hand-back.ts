import type { PgBoss } from 'pg-boss';

/**
 * Gives a job this process holds back to the queue, runnable by any worker at once: used when a
 * worker stops before the job is done. pg-boss's own stop cannot do this: after its timeout it
 * fails the job (`failWip`), which uses up an attempt and delays the retry by the queue's backoff,
 * and a job abandoned without either waits for the heartbeat expiry (30 s).
 *
 * Fenced like pg-boss's own completion (state `active` and the attempt's `retry_count`), so a job
 * this process no longer holds is left alone. `started_on` stays set, so the next claim raises
 * `retry_count`, and pg-boss's completion of this attempt (the handler returns after this) matches
 * nothing, even if another worker has the job by then; `retry_limit` rises with it, so the job
 * keeps every attempt it had (as pg-boss's `retry()` does for a failed job).
 */
export async function handBack(boss: PgBoss, name: string, job: { id: string; retryCount: number }): Promise<boolean> {
  const { rows } = await boss.getDb().executeSql(HAND_BACK_SQL, [name, job.id, job.retryCount]);
  return rows.length > 0;
}

// The NOTIFY wakes listening workers at once (pg-boss's channel for the default `pgboss` schema,
// as its notifyChannelSql builds it); should that name ever change, their 2 s poll still finds the job.
const HAND_BACK_SQL = `
  WITH handed AS (
    UPDATE pgboss.job
    SET state = 'retry', start_after = now(), heartbeat_on = NULL, retry_limit = retry_limit + 1
    WHERE name = $1 AND id = $2::uuid AND state = 'active' AND retry_count = $3
    RETURNING id
  )
  SELECT id, pg_notify('pgboss_' || left(encode(sha224('pgboss'::bytea), 'hex'), 24), $1) FROM handed`;
