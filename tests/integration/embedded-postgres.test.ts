import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isTraversableByOthers, startEmbeddedPostgres } from '@platform/db';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const asRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL', () => {
  it('detects a directory other users cannot pass through', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-'));
    try {
      await fs.chmod(dir, 0o700);
      expect(isTraversableByOthers(path.join(dir, 'x'))).toBe(false);
      await fs.chmod(dir, 0o755);
      expect(isTraversableByOthers(path.join(dir, 'x'))).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  // PostgreSQL refuses to run as root and its own user cannot enter a 0700 checkout such as /root.
  it.runIf(asRoot)('runs as root from a checkout inside a private (0700) directory', { timeout: 60_000 }, async () => {
    const privateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-checkout-'));
    await fs.chmod(privateDir, 0o700);
    const requested = path.join(privateDir, 'project', '.data', 'postgres');
    const db = await startEmbeddedPostgres({ dataDir: requested, port: 0, database: 'platform' });
    try {
      expect(db.dataDir).not.toBe(requested);
      expect(await fs.readFile(`${requested}.location`, 'utf8')).toContain(db.dataDir);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT current_database() AS db');
      await client.end();
      expect(rows[0].db).toBe('platform');
    } finally {
      await db.stop();
      await fs.rm(db.dataDir, { recursive: true, force: true });
      await fs.rm(privateDir, { recursive: true, force: true });
    }
  });
});
