import { existsSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, startEmbeddedPostgres } from '@platform/db';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Defect 8: the application must not connect as a superuser, the superuser's password must not be
// the well-known one, and the audit log must be append-only for the application's role.

let t: TestApp;
let app: pg.Client;
beforeAll(async () => {
  t = await createTestApp();
  await t.platform.repos.audit.record({ action: 'auth.logout', outcome: 'SUCCESS', actorName: 'db-roles-test' });
  app = new pg.Client({ connectionString: t.platform.databaseUrl });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await t.close();
});

const sqlError = (sql: string) =>
  app.query(sql).then(
    () => null,
    (error: { code?: string; message: string }) => error,
  );

describe("the application's database role", () => {
  it('is not a superuser, cannot create roles or databases, and owns nothing in the public schema', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ name: APP_ROLE, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await app.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned.rows[0].n).toBe(0);
  });

  it('may read and append to the audit log but not change, delete or truncate it', async () => {
    expect((await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBeGreaterThan(0);
    for (const sql of [
      `UPDATE audit_log SET outcome = 'SUCCESS'`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      `INSERT INTO audit_purge ("purgedThroughId", "lastHash", "rows") VALUES (1, repeat('0', 64), 1)`,
      'DELETE FROM audit_purge',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'DROP TABLE audit_log',
    ]) {
      const error = await sqlError(sql);
      expect(error?.code, sql).toMatch(/^(42501)$/);
    }
    expect((await sqlError('INSERT INTO app_user (id) VALUES (NULL)'))?.code).not.toBe('42501');
  });

  it('removes old audit rows only through the retention function, which refuses less than 180 days', async () => {
    const error = await sqlError('SELECT audit_purge_expired(30)');
    expect(error?.code).toBe('22023');
    expect((await app.query('SELECT audit_purge_expired(180) AS n')).rows[0].n).toBe(0);
  });
});

describe('the superuser', () => {
  it('does not accept the well-known password postgres', async () => {
    const url = new URL(inject('pgAdminUrl'));
    expect(url.password).not.toBe('postgres');
    url.password = 'postgres';
    const client = new pg.Client({ connectionString: url.toString() });
    const error = await client.connect().then(
      () => null,
      (e: { code?: string }) => e,
    );
    await client.end().catch(() => {});
    expect(error?.code).toBe('28P01');
  });
});

describe('an embedded cluster', () => {
  it('keeps generated passwords in 0600 files and replaces the old well-known password of an existing cluster', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'platform-roles-'));
    await fs.chmod(dir, 0o755);
    const dataDir = path.join(dir, 'postgres');
    try {
      let pgc = await startEmbeddedPostgres({ dataDir, port: 0, database: 'platform' });
      const superFile = path.join(pgc.dataDir, 'platform-superuser.password');
      const appFile = path.join(pgc.dataDir, 'platform-app.password');
      for (const file of [superFile, appFile]) expect(statSync(file).mode & 0o777, file).toBe(0o600);
      // Make it look like a cluster from before: the old password and no password file.
      const admin = new pg.Client({ connectionString: pgc.url });
      await admin.connect();
      await admin.query(`ALTER ROLE postgres PASSWORD 'postgres'`);
      await admin.end();
      await pgc.stop();
      await fs.rm(superFile);

      pgc = await startEmbeddedPostgres({ dataDir, port: 0, database: 'platform' });
      try {
        expect(existsSync(superFile)).toBe(true);
        const rotated = (await fs.readFile(superFile, 'utf8')).trim();
        expect(rotated).not.toBe('postgres');
        expect(decodeURIComponent(new URL(pgc.url).password)).toBe(rotated);
        const old = new pg.Client({ host: '127.0.0.1', port: pgc.port, user: 'postgres', password: 'postgres', database: 'postgres' });
        expect(
          await old.connect().then(
            () => 'connected',
            (e: { code?: string }) => e.code,
          ),
        ).toBe('28P01');
        const appClient = new pg.Client({ connectionString: pgc.appUrl });
        await appClient.connect();
        expect((await appClient.query('SELECT current_user AS u')).rows[0].u).toBe(APP_ROLE);
        await appClient.end();
      } finally {
        await pgc.stop();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
