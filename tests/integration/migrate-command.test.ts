import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR, pendingMigrations } from '@platform/db';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUrlAs } from '../support/database.ts';
import { createTestApp, PROJECT_ROOT } from '../support/test-app.ts';

// `npm run db:migrate` (the migration job before a rollout) and MIGRATE_ON_START=0 (the replicas).

const migrationNames = (await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }))
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** Runs a process to its end: exit code and everything it printed. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const migrate = (url: string, extra: Record<string, string> = {}) =>
  run(['apps/api/src/commands/migrate.ts'], {
    DATABASE_URL: databaseUrlAs(url, 'app'),
    MIGRATION_DATABASE_URL: databaseUrlAs(url, 'owner'),
    ...extra,
  });

/** The summary line the command ends with. */
function summary(output: string): { msg: string; migrations: string[]; grantedRole?: string } {
  const line = output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; migrations?: string[] })
    .find((l) => l.msg.startsWith('database set up'));
  if (!line) throw new Error(`no summary line in:\n${output}`);
  return line as { msg: string; migrations: string[]; grantedRole?: string };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrlAs(url, 'owner') });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('npm run db:migrate', { timeout: 180_000 }, () => {
  it('sets up an empty database (migrations, grants, reference data), and a second run does nothing', async () => {
    const url = await createTestDatabase('empty');
    const first = await migrate(url);
    expect(first.code, first.output).toBe(0);
    expect(summary(first.output)).toMatchObject({
      migrations: migrationNames,
      msg: `database set up: ${migrationNames.length} migration(s) applied`,
    });
    // Read as the application role: the grants are in place.
    expect(await pendingMigrations(databaseUrlAs(url, 'app'))).toEqual([]);
    expect(Number((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM zone'))[0]!.n)).toBeGreaterThan(0);

    const second = await migrate(url);
    expect(second.code, second.output).toBe(0);
    expect(summary(second.output)).toMatchObject({ migrations: [], msg: 'database set up: already up to date' });
  });

  it('lets two runs start at once on an empty database: one migrates, the other waits and finds it done; nothing seeded twice', async () => {
    const url = await createTestDatabase('empty');
    const [a, b] = await Promise.all([migrate(url, { SEED_DEMO: '1' }), migrate(url, { SEED_DEMO: '1' })]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const applied = [summary(a.output).migrations.length, summary(b.output).migrations.length].sort((x, y) => x - y);
    expect(applied).toEqual([0, migrationNames.length]);
    const [counts] = await query<{ n: string; distinct: string }>(
      url,
      'SELECT count(*) AS n, count(DISTINCT "creditCode") AS distinct FROM enterprise',
    );
    expect(Number(counts!.n)).toBeGreaterThan(0);
    expect(counts!.n).toBe(counts!.distinct);
    const [users] = await query<{ n: string }>(url, "SELECT count(*) AS n FROM app_user WHERE username = 'officer1'");
    expect(users!.n).toBe('1');
  });

  it('fails with a clear message and a non-zero code when it cannot reach the database', async () => {
    const result = await run(['apps/api/src/commands/migrate.ts'], { DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('migration failed');
  });
});

describe('MIGRATE_ON_START=0', { timeout: 120_000 }, () => {
  it('starts on a database that has every migration, without migrating', async () => {
    const t = await createTestApp({ MIGRATE_ON_START: '0' });
    expect((await t.app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
    await t.close();
  });

  it('refuses to start on a database that lacks a migration, naming it and npm run db:migrate', async () => {
    const url = await createTestDatabase();
    const latest = migrationNames.at(-1)!;
    await query(url, `DELETE FROM "_prisma_migrations" WHERE migration_name = '${latest}'`);
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'platform-no-migrate-'));
    const result = await run(['apps/api/src/server.ts'], {
      DATABASE_URL: databaseUrlAs(url, 'app'),
      DATA_ENCRYPTION_KEY: 'dGVzdC1kYXRhLWtleS10aGlydHktdHdvLWJ5dGVzISE=',
      MEDIA_SIGNING_SECRET: 'test-secret-that-is-long-enough-0123456789',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LIVE_ENABLED: '0',
      WORKER_IN_PROCESS: '0',
      MIGRATE_ON_START: '0',
    });
    await fs.rm(dataDir, { recursive: true, force: true });
    expect(result.code, result.output).toBe(1);
    const fatal = result.output.split('\n').find((l) => l.includes('"level":60'));
    expect(fatal).toContain('failed to start: the database lacks 1 migration(s)');
    expect(fatal).toContain('npm run db:migrate');
    expect(result.output).toContain(latest);
    expect(result.output).not.toContain('ready:');
  });
});
