-- Every write of a shift's times records them as the revision in force from that day (Asia/Shanghai),
-- whoever writes (the API, seeds, an operator with psql): due meetings of earlier days keep the
-- times they had, and a change takes effect from its change date. One revision per shift and day.
CREATE OR REPLACE FUNCTION record_shift_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."startMinute" = OLD."startMinute" AND NEW."endMinute" = OLD."endMinute"
     AND NEW."daysOfWeek" = OLD."daysOfWeek" AND NEW."meetingWindowBefore" = OLD."meetingWindowBefore"
     AND NEW."meetingWindowAfter" = OLD."meetingWindowAfter" AND NEW."active" = OLD."active" THEN
    RETURN NEW;
  END IF;
  INSERT INTO shift_revision ("id", "shiftId", "effectiveFrom", "startMinute", "endMinute", "daysOfWeek",
                              "meetingWindowBefore", "meetingWindowAfter", "active")
  VALUES (gen_random_uuid(), NEW."id", (now() AT TIME ZONE 'Asia/Shanghai')::date, NEW."startMinute", NEW."endMinute",
          NEW."daysOfWeek", NEW."meetingWindowBefore", NEW."meetingWindowAfter", NEW."active")
  ON CONFLICT ("shiftId", "effectiveFrom") DO UPDATE SET
    "startMinute" = EXCLUDED."startMinute", "endMinute" = EXCLUDED."endMinute", "daysOfWeek" = EXCLUDED."daysOfWeek",
    "meetingWindowBefore" = EXCLUDED."meetingWindowBefore", "meetingWindowAfter" = EXCLUDED."meetingWindowAfter",
    "active" = EXCLUDED."active";
  RETURN NEW;
END;
$$;

CREATE TRIGGER shift_revision_on_write AFTER INSERT OR UPDATE ON "shift"
  FOR EACH ROW EXECUTE FUNCTION record_shift_revision();
