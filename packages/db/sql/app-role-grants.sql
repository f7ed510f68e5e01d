-- Rights of the application's database role: reads and writes the platform's rows, owns nothing
-- in the public schema, and can only append to the audit log. Run as the owner of the tables (the
-- role migrations run as) after every migration; the API does this itself at start when it has
-- MIGRATION_DATABASE_URL (or runs the embedded PostgreSQL). By hand, with psql:
--
--   psql "$MIGRATION_DATABASE_URL" -v app_role=platform_app -f packages/db/sql/app-role-grants.sql
--
-- The role must exist and must not be a superuser: CREATE ROLE platform_app LOGIN PASSWORD '…';
-- Idempotent. `:"app_role"` / `:'app_role'` are psql variables (identifier / literal).

SELECT set_config('platform.app_role', :'app_role', false);

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- Append-only: the audit log and its purge anchors may be read, the log appended to, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_purge FROM :"app_role";
-- Retention goes through the owner's function, which removes only rows past the retention.
GRANT EXECUTE ON FUNCTION audit_purge_expired(integer) TO :"app_role";
-- Migrations are the owner's business; an API started with MIGRATE_ON_START=0 only reads which
-- are applied, and refuses to start on a database that lacks one.
REVOKE ALL ON "_prisma_migrations" FROM :"app_role";
GRANT SELECT ON "_prisma_migrations" TO :"app_role";

-- pg-boss (the job queue) creates and drops its own partitions at run time, which only an owner
-- may do, so its schema (created by a migration) belongs to the application role: job state, not
-- evidence. An installation whose pg-boss tables the owner created is handed over once, object by object.
DO $$
DECLARE
  app text := current_setting('platform.app_role');
  r record;
BEGIN
  IF (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'pgboss') = quote_ident(app) THEN
    RETURN;
  END IF;
  EXECUTE format('ALTER SCHEMA pgboss OWNER TO %I', app);
  FOR r IN
    SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format('ALTER %s pgboss.%I OWNER TO %I',
      CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname, app);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss'
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.fn, app);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'pgboss' AND t.typtype IN ('e', 'd')
  LOOP
    EXECUTE format('ALTER TYPE pgboss.%I OWNER TO %I', r.typname, app);
  END LOOP;
END;
$$;
