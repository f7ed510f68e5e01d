import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../apps/api/src/config.ts';
import { loadWorkerConfig } from '../../apps/worker/src/config.ts';
import { databaseUrlAs } from '../support/database.ts';
import { PROJECT_ROOT, createTestApp, type TestApp } from '../support/test-app.ts';

// The audit log is tamper-evident: each row's hash covers the previous row's hash, so editing,
// deleting or slipping in a row is found by `npm run audit:verify` and the verifier behind it.

let t: TestApp;
let owner: pg.Client;
beforeAll(async () => {
  t = await createTestApp();
  // The superuser (the owner of the tables) is the only one who can tamper; the tests play it.
  owner = new pg.Client({ connectionString: databaseUrlAs(t.platform.databaseUrl, 'owner') });
  await owner.connect();
  for (let i = 0; i < 5; i++) await t.login('officer1');
});
afterAll(async () => {
  await owner.end();
  await t.close();
});

const verify = () => t.platform.repos.audit.verifyChain();
const rowIds = async () =>
  (await owner.query<{ id: string }>('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id')).rows.map((r) => r.id);

async function verifyCommand(): Promise<{ code: number; out: string }> {
  const env = {
    ...process.env,
    DATABASE_URL: t.platform.databaseUrl,
    MEDIA_SIGNING_SECRET: 'test-secret-that-is-long-enough-0123456789',
    DATA_ENCRYPTION_KEY: 'dGVzdC1kYXRhLWtleS10aGlydHktdHdvLWJ5dGVzISE=',
  };
  const script = path.join(PROJECT_ROOT, 'apps/api/src/commands/audit-verify.ts');
  return promisify(execFile)(process.execPath, ['--import', 'tsx', script], { env, cwd: PROJECT_ROOT }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
  );
}

describe('the audit hash chain', () => {
  it('links every row to the one before, also when written concurrently', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.platform.repos.audit.record({
          action: 'auth.logout',
          outcome: 'SUCCESS',
          actorName: `parallel-${i}`,
          details: { i, z: { b: 1, a: [2, 1] } },
        }),
      ),
    );
    const report = await verify();
    expect(report.broken).toBeNull();
    expect(report.checked).toBe((await rowIds()).length);
    expect(report.checked).toBeGreaterThanOrEqual(35);
    const { rows } = await owner.query('SELECT count(DISTINCT "prevHash")::int AS n, count(*)::int AS total FROM audit_log');
    expect(rows[0].n).toBe(rows[0].total);
  });

  it('reports OK with the count from npm run audit:verify', async () => {
    const result = await verifyCommand();
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^OK: \d+ rows verified/);
  }, 60_000);

  it('finds an edited row', async () => {
    const id = (await rowIds())[3]!;
    const { rows } = await owner.query('SELECT outcome FROM audit_log WHERE id = $1', [id]);
    await owner.query(`UPDATE audit_log SET outcome = 'FAILURE' WHERE id = $1`, [id]);
    expect((await verify()).broken).toEqual({ id, reason: 'HASH_MISMATCH' });
    const result = await verifyCommand();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`BROKEN at audit row ${id}: HASH_MISMATCH`);
    await owner.query('UPDATE audit_log SET outcome = $2 WHERE id = $1', [id, rows[0].outcome]);
    expect((await verify()).broken).toBeNull();
  }, 60_000);

  it('finds a deleted row at the row after it', async () => {
    const ids = await rowIds();
    const { rows } = await owner.query('SELECT * FROM audit_log WHERE id = $1', [ids[5]]);
    await owner.query('DELETE FROM audit_log WHERE id = $1', [ids[5]]);
    expect((await verify()).broken).toEqual({ id: ids[6], reason: 'PREV_MISMATCH' });
    // Put it back as it was: the chain is whole again.
    const row = rows[0] as Record<string, unknown>;
    const columns = Object.keys(row);
    await owner.query(
      `INSERT INTO audit_log (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
    expect((await verify()).broken).toBeNull();
  });

  it('finds a forged row added with a made-up hash, or chained to the wrong row', async () => {
    const ids = await rowIds();
    const forged = (BigInt(ids[ids.length - 1]!) + 1000n).toString();
    const insert = (prevHash: string) =>
      owner.query(
        `INSERT INTO audit_log (id, at, action, outcome, "actorName", "prevHash", hash)
         VALUES ($1, now(), 'user.update', 'SUCCESS', 'forger', $2, repeat('a', 64))`,
        [forged, prevHash],
      );
    await insert((await verify()).head);
    expect((await verify()).broken).toEqual({ id: forged, reason: 'HASH_MISMATCH' });
    await owner.query('DELETE FROM audit_log WHERE id = $1', [forged]);

    const older = (await owner.query('SELECT hash FROM audit_log WHERE id = $1', [ids[2]])).rows[0].hash as string;
    await insert(older);
    expect((await verify()).broken).toEqual({ id: forged, reason: 'PREV_MISMATCH' });
    await owner.query('DELETE FROM audit_log WHERE id = $1', [forged]);
    expect((await verify()).broken).toBeNull();
  });

  it('purges only rows past the retention, through the function, and verification starts from the anchor', async () => {
    const ids = await rowIds();
    // The first ten rows become 200 days old (which breaks their hashes: they are about to go).
    await owner.query(`UPDATE audit_log SET at = now() - interval '200 days' WHERE id <= $1`, [ids[9]]);
    const removed = await t.platform.repos.audit.purgeExpired(180);
    expect(removed).toBe(10);
    const anchor = await t.platform.prisma.auditPurge.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(anchor.purgedThroughId.toString()).toBe(ids[9]);
    expect(anchor.rows).toBe(10);
    await t.platform.repos.audit.record({ action: 'auth.logout', outcome: 'SUCCESS', actorName: 'after-purge' });
    const report = await verify();
    expect(report.broken).toBeNull();
    expect(report.anchoredAfterId).toBe(ids[9]);
    expect(report.checked).toBe(ids.length - 10 + 1);
    // Deleting the first row after the anchor is still found.
    await owner.query('DELETE FROM audit_log WHERE id = $1', [ids[10]]);
    expect((await verify()).broken).toEqual({ id: ids[11], reason: 'PREV_MISMATCH' });
  });
});

describe('audit retention configuration', () => {
  it('refuses less than 180 days at boot, in the API and the worker', () => {
    const base = {
      DATABASE_URL: 'postgres://u:p@localhost/db',
      MEDIA_SIGNING_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: 'dGVzdC1kYXRhLWtleS10aGlydHktdHdvLWJ5dGVzISE=',
    };
    expect(() => loadConfig({ ...base, AUDIT_RETENTION_DAYS: '90' }, PROJECT_ROOT)).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => loadWorkerConfig({ ...base, AUDIT_RETENTION_DAYS: '179' }, PROJECT_ROOT)).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(loadConfig(base, PROJECT_ROOT).auditRetentionDays).toBe(180);
    expect(loadWorkerConfig({ ...base, AUDIT_RETENTION_DAYS: '365' }, PROJECT_ROOT).auditRetentionDays).toBe(365);
  });
});
