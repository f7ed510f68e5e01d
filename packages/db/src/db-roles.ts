import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The application role's grants, shipped as SQL so a DBA can apply them with psql too. */
export const APP_ROLE_GRANTS_SQL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'sql', 'app-role-grants.sql');

// Same key as the migrator's: grants and migrations never run at the same time.
const MIGRATION_LOCK_KEY = 72707369;

/** Quotes an SQL identifier (a role name). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The user name a postgres:// URL connects as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Applies `sql/app-role-grants.sql` for `appRole`, connected as the owner of the tables: DML on
 * the platform's tables, INSERT and SELECT only on the audit log, the retention function, and the
 * pg-boss schema. Idempotent; run after every migration so new tables are covered.
 */
export async function applyAppRoleGrants(ownerUrl: string, appRole: string): Promise<void> {
  const template = await fs.readFile(APP_ROLE_GRANTS_SQL, 'utf8');
  const sql = template.replaceAll(`:'app_role'`, quoteLiteral(appRole)).replaceAll(`:"app_role"`, quoteIdent(appRole));
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Creates (or updates) a login role with no special rights: not a superuser, cannot create
 * databases or roles, and owns nothing until granted. Connected as a superuser.
 */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(
      `${verb} ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${quoteLiteral(password)}`,
    );
  } finally {
    await client.end();
  }
}
