// An enterprise's evidence report from its due meetings: the state of each by `slotState`, the
// totals by the dashboard's rules, flags, reviews and every file with its SHA-256. Pure.
import type { ComplianceCounts, EvidenceItem, EvidenceReport, FlagKind } from '@platform/contracts';
import { slotState } from '../compliance/timeliness.ts';
import { clockFromMinutes } from '../org/clock.ts';
import type { EvidenceEnterprise, EvidenceSlotRow } from './export.port.ts';

/** Flag params as stored JSON: only the scalar values the contract allows. */
function flagParams(value: unknown): Record<string, string | number | boolean | null> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** One due meeting as the report lists it. */
export function evidenceItem(row: EvidenceSlotRow, now: Date): EvidenceItem {
  const m = row.meeting;
  return {
    id: row.id,
    date: row.date,
    team: row.team,
    shift: {
      id: row.shift.id,
      name: row.shift.name,
      startTime: clockFromMinutes(row.shift.startMinute),
      endTime: clockFromMinutes(row.shift.endMinute),
    },
    window: { from: row.dueFrom.toISOString(), until: row.dueUntil.toISOString() },
    reportBy: row.reportBy.toISOString(),
    state: slotState(now, row),
    reportedAt: iso(row.reportedAt),
    reportedOnTime: row.reportedOnTime,
    heldOnTime: row.heldOnTime,
    meeting: m && {
      id: m.id,
      startedAt: m.startedAt.toISOString(),
      hostName: m.hostName,
      expectedCount: m.expectedCount,
      presentCount: m.presentCount,
      reviewStatus: m.reviewStatus,
      flags: m.flags.map((f) => ({
        kind: f.kind as FlagKind,
        params: flagParams(f.params),
        createdAt: f.createdAt.toISOString(),
        resolvedAt: iso(f.resolvedAt),
      })),
      reviews: m.reviews,
      files: m.files.map((f) => ({
        id: f.id,
        kind: f.kind,
        originalName: f.originalName,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        uploadedAt: f.uploadedAt.toISOString(),
        capturedAt: iso(f.capturedAt),
        removedAt: iso(f.removedAt),
      })),
    },
  };
}

/**
 * Totals with the dashboard's meaning: each due meeting once in on time / late / no evidence /
 * missing; held outside its window and flagged counted beside those.
 */
export function evidenceTotals(items: Pick<EvidenceItem, 'state' | 'heldOnTime'>[], flagged: boolean[]): ComplianceCounts {
  const totals: ComplianceCounts = { due: 0, reported: 0, onTime: 0, late: 0, noEvidence: 0, missing: 0, heldOutsideWindow: 0, flagged: 0 };
  items.forEach((item, i) => {
    if (item.state !== 'UPCOMING') totals.due++;
    if (item.state === 'REPORTED' || item.state === 'LATE' || item.state === 'NO_EVIDENCE') totals.reported++;
    if (item.state === 'REPORTED') totals.onTime++;
    if (item.state === 'LATE') totals.late++;
    if (item.state === 'NO_EVIDENCE') totals.noEvidence++;
    if (item.state === 'MISSING') totals.missing++;
    if (item.heldOnTime === false) totals.heldOutsideWindow++;
    if (flagged[i]) totals.flagged++;
  });
  return totals;
}

/** The whole report of `enterprise` over [from, to] at `now`. */
export function evidenceReport(
  enterprise: EvidenceEnterprise,
  period: { from: string; to: string },
  rows: EvidenceSlotRow[],
  now: Date,
): EvidenceReport {
  const items = rows.map((r) => evidenceItem(r, now));
  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      creditCode: enterprise.creditCode,
      zone: enterprise.zone,
      industry: enterprise.industry,
      riskLevel: enterprise.riskLevel,
      address: enterprise.address,
    },
    from: period.from,
    to: period.to,
    generatedAt: now.toISOString(),
    totals: evidenceTotals(
      items,
      rows.map((r) => r.flagCount > 0),
    ),
    items,
  };
}
