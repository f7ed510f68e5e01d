import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** Creates a fresh database, copied from the seeded template or empty, and returns its URL. */
export async function createTestDatabase(from: 'template' | 'empty' = 'template'): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const template = from === 'template' ? inject('templateDatabase') : 'template0';
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/**
 * The same database's URL as the superuser who owns the tables (`owner`, for migrations and for
 * tests that tamper with rows) or as the application role (`app`, what the API connects as).
 */
export function databaseUrlAs(url: string, who: 'owner' | 'app'): string {
  const credentials = new URL(inject(who === 'owner' ? 'pgAdminUrl' : 'pgAppUrl'));
  const target = new URL(url);
  target.username = credentials.username;
  target.password = credentials.password;
  return target.toString();
}
