import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBoss } from '@platform/jobs';
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createTestDatabase, databaseUrlAs } from '../support/database.ts';

// The query KEDA runs to scale the workers (infra/k8s/worker-scaledobject.yaml), run as KEDA runs
// it (the application role) against pg-boss's real tables: it must count the media jobs a worker
// runs or could start now, and nothing else.
const manifest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../infra/k8s/worker-scaledobject.yaml');
const scaledObject = parseAllDocuments(readFileSync(manifest, 'utf8'))
  .map((d) => d.toJS() as { kind?: string; spec?: { triggers?: { type: string; metadata: { query: string } }[] } })
  .find((o) => o.kind === 'ScaledObject');
const query = scaledObject?.spec?.triggers?.find((t) => t.type === 'postgresql')?.metadata.query ?? '';

let boss: PgBoss;
let client: pg.Client;

beforeAll(async () => {
  const appUrl = databaseUrlAs(await createTestDatabase(), 'app');
  boss = await startBoss({ databaseUrl: appUrl, monitorIntervalSeconds: 60, schedule: false });
  client = new pg.Client({ connectionString: appUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await boss?.stop({ graceful: false });
});

const depth = async () => {
  const { rows } = await client.query<Record<string, unknown>>(query);
  expect(rows).toHaveLength(1);
  const value = Object.values(rows[0]!)[0];
  expect(typeof value, 'KEDA needs an integer').toBe('number');
  return value as number;
};

it('counts queued and running media jobs, not delayed retries or other queues', async () => {
  expect(query).toMatch(/pgboss\.job/);
  const before = await depth();

  await boss.send('media.process', { assetId: 'a1' }, { singletonKey: 'a1' });
  await boss.send('media.process', { assetId: 'a2' }, { singletonKey: 'a2' });
  await boss.send('media.photo', { assetId: 'p1' }, { singletonKey: 'p1' });
  // Not yet startable (a retry waiting out its backoff looks the same), and another queue's job.
  await boss.send('media.photo', { assetId: 'p2' }, { singletonKey: 'p2', startAfter: 3600 });
  await boss.send('evidence.check', { assetId: 'e1' }, { singletonKey: 'e1' });
  expect(await depth()).toBe(before + 3);

  // A running job still needs its worker.
  const [running] = await boss.fetch('media.process');
  expect(running).toBeDefined();
  expect(await depth()).toBe(before + 3);

  await boss.complete('media.process', running!.id);
  expect(await depth()).toBe(before + 2);
});
