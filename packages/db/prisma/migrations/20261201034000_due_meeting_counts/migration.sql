-- due_meeting carries each meeting's evidence and open-flag counts so dashboards never join media
-- or flags. Triggers keep them in step with every writer (uploads, processing, removal, evidence
-- checks, reviewers). Evidence is a photo or video that is not removed, not still uploading and
-- not failed; when some arrives, the "no media" finding is resolved.
CREATE OR REPLACE FUNCTION refresh_due_meeting_counts(meeting uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  evidence integer;
BEGIN
  SELECT count(*)::int INTO evidence FROM media_asset a
   WHERE a."meetingId" = meeting AND a."removedAt" IS NULL AND a.status NOT IN ('UPLOADING', 'FAILED');
  IF evidence > 0 THEN
    UPDATE meeting_flag SET "resolvedAt" = now()
     WHERE "meetingId" = meeting AND kind = 'NO_MEDIA' AND "resolvedAt" IS NULL;
  END IF;
  UPDATE due_meeting SET
    "evidenceCount" = evidence,
    "flagCount" = (SELECT count(*)::int FROM meeting_flag f WHERE f."meetingId" = meeting AND f."resolvedAt" IS NULL),
    "updatedAt" = now()
   WHERE "meetingId" = meeting;
END;
$$;

CREATE OR REPLACE FUNCTION due_meeting_counts_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND NEW."meetingId" IS NOT NULL THEN
    PERFORM refresh_due_meeting_counts(NEW."meetingId");
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."meetingId" IS NOT NULL
     AND (TG_OP = 'DELETE' OR OLD."meetingId" IS DISTINCT FROM NEW."meetingId") THEN
    PERFORM refresh_due_meeting_counts(OLD."meetingId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER due_meeting_counts_media AFTER INSERT OR DELETE OR UPDATE OF status, "removedAt", "meetingId" ON media_asset
  FOR EACH ROW EXECUTE FUNCTION due_meeting_counts_on_change();
CREATE TRIGGER due_meeting_counts_flags AFTER INSERT OR DELETE OR UPDATE OF "resolvedAt", "meetingId" ON meeting_flag
  FOR EACH ROW EXECUTE FUNCTION due_meeting_counts_on_change();

-- The sweep looks for reports still without evidence past their deadline.
CREATE INDEX due_meeting_without_evidence_idx ON due_meeting ("evidenceBy") WHERE status = 'REPORTED' AND "evidenceCount" = 0;
