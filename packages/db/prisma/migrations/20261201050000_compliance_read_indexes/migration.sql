-- Indexes for the reviewers' lists and the dashboard at district scale (measured by
-- `npm run bench:compliance`: 1,700 enterprises, 1.86 M due meetings a year).

-- The dashboard reads a period of due meetings and only these columns: an index-only scan
-- instead of fetching ~150,000 rows of a month from the heap.
CREATE INDEX due_meeting_dashboard_idx ON due_meeting (date)
  INCLUDE ("zoneId", "industryId", "enterpriseId", "riskLevel", status, "dueFrom", "reportBy",
           "reportedOnTime", "heldOnTime", "evidenceCount", "evidenceBy", "flagCount");

-- Rare states the reviewers filter on, newest report first.
CREATE INDEX meeting_held_outside_window_idx ON meeting ("reportedAt" DESC) WHERE "heldOnTime" = FALSE;
CREATE INDEX due_meeting_flagged_idx ON due_meeting ("meetingId") WHERE "flagCount" > 0;
CREATE INDEX due_meeting_without_evidence_meeting_idx ON due_meeting ("meetingId") WHERE "evidenceCount" = 0;
