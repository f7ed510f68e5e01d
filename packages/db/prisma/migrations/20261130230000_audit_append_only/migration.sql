-- The audit log is append-only for the application's database role (its grants are applied after
-- migrations, see packages/db/sql/app-role-grants.sql): it may INSERT and SELECT, never UPDATE,
-- DELETE or TRUNCATE. Retention still has to remove rows older than the retention period; it does
-- so through this function, which runs with its owner's rights (SECURITY DEFINER) and can do
-- nothing else: it refuses a retention under 180 days (等保 level 3: at least six months), removes
-- only the oldest rows (a prefix of the hash chain, so what stays is still one chain) and writes
-- the anchor (last removed row's hash) that verification starts from.
CREATE FUNCTION audit_purge_expired(retention_days integer) RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  cutoff timestamptz;
  keep_from bigint;
  through_id bigint;
  through_hash char(64);
  removed integer;
BEGIN
  IF retention_days IS NULL OR retention_days < 180 THEN
    RAISE EXCEPTION 'audit retention must be at least 180 days, not %', retention_days USING ERRCODE = '22023';
  END IF;
  -- The same lock as every audit insert (AUDIT_CHAIN_LOCK_KEY), so the anchor and the head agree.
  PERFORM pg_advisory_xact_lock(72707370);
  cutoff := now() - make_interval(days => retention_days);
  SELECT min(id) INTO keep_from FROM audit_log WHERE "at" >= cutoff;
  SELECT id, hash INTO through_id, through_hash FROM audit_log
    WHERE "at" < cutoff AND (keep_from IS NULL OR id < keep_from)
    ORDER BY id DESC LIMIT 1;
  IF through_id IS NULL THEN
    RETURN 0;
  END IF;
  DELETE FROM audit_log WHERE id <= through_id;
  GET DIAGNOSTICS removed = ROW_COUNT;
  INSERT INTO audit_purge ("purgedThroughId", "lastHash", "rows")
    VALUES (through_id, coalesce(through_hash, repeat('0', 64)), removed);
  RETURN removed;
END;
$$;

-- Functions are executable by everyone by default; only the roles granted it may purge.
REVOKE ALL ON FUNCTION audit_purge_expired(integer) FROM PUBLIC;

-- pg-boss (the job queue) keeps its tables in this schema and creates partitions in it at run
-- time, which only their owner may do; the grants hand the schema to the application role, and
-- pg-boss is started with createSchema: false because that role may not create schemas.
CREATE SCHEMA IF NOT EXISTS pgboss;
