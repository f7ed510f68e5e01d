import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PgEventBus, startEmbeddedPostgres } from '@platform/db';
import { describe, expect, it } from 'vitest';

const quiet = { warn: () => {}, error: () => {}, info: () => {}, debug: () => {}, child: () => quiet } as never;

// Found by the fault run (npm run test:faults): stopping PostgreSQL crashed every API and worker
// through the event bus's idle publish connection ('error' on the pool with no listener).
describe('PgEventBus across a PostgreSQL restart', () => {
  it('survives its idle connections being dropped and publishes again once the database is back', { timeout: 60_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'event-bus-restart-'));
    await fs.chmod(dir, 0o755);
    let db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 0, database: 'platform' });
    const bus = new PgEventBus(db.url, quiet);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      await bus.publishSessionsEnded({ sessionIds: ['s1'], reason: 'LOGOUT' } as never);
      await db.stop();
      await new Promise((r) => setTimeout(r, 1_000));
      expect(uncaught).toEqual([]);
      db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: db.port, database: 'platform' });
      await expect(bus.publishSessionsEnded({ sessionIds: ['s2'], reason: 'LOGOUT' } as never)).resolves.toBeUndefined();
    } finally {
      process.off('uncaughtException', onUncaught);
      await bus.close();
      await db.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
