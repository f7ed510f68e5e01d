import type { JobName, JobPayloads, JobQueue } from '@platform/core';
import { PgBoss } from 'pg-boss';
import { QUEUES, queueUpdates } from './queues.ts';

export interface BossOptions {
  databaseUrl: string;
  /** How often pg-boss looks for jobs whose worker died; lower in tests. */
  monitorIntervalSeconds: number;
  /** Only one process needs to run cron schedules and maintenance, but any may. */
  schedule: boolean;
  onError?: (error: Error) => void;
}

/**
 * Starts pg-boss on the platform's own PostgreSQL (its tables live in the `pgboss` schema), creates
 * the queues and brings existing ones up to their current definition.
 */
export async function startBoss(options: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    // A migration creates the schema: the application's database role may not create schemas.
    createSchema: false,
    schedule: options.schedule,
    supervise: true,
    monitorIntervalSeconds: options.monitorIntervalSeconds,
    superviseIntervalSeconds: options.monitorIntervalSeconds,
    max: 4,
    // Workers LISTEN on one extra connection and wake the moment a job is sent to a `notify`
    // queue, instead of at their next poll. Polling continues as the backstop.
    useListenNotify: true,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  for (const [name, q] of Object.entries(QUEUES)) {
    const { cron: _cron, concurrency: _concurrency, ...queueOptions } = q;
    const existing = await boss.getQueue(name);
    if (!existing) {
      await boss.createQueue(name, queueOptions);
      continue;
    }
    // createQueue does nothing for a queue that exists, so new options reach old databases here.
    const changes = queueUpdates(existing, q);
    if (changes) await boss.updateQueue(name, changes);
  }
  return boss;
}

/** The domain's JobQueue over pg-boss. */
export class PgBossJobQueue implements JobQueue {
  constructor(private readonly boss: PgBoss) {}

  async send<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: { singletonKey?: string; priority?: number; id?: string } = {},
  ): Promise<void> {
    // pg-boss asserts that a priority, when the key is present at all, is an integer.
    await this.boss.send(name, data, {
      singletonKey: options.singletonKey,
      ...(options.priority === undefined ? {} : { priority: options.priority }),
      // An existing id is skipped (ON CONFLICT DO NOTHING), which makes a derived id idempotent.
      ...(options.id === undefined ? {} : { id: options.id }),
    });
  }
}
