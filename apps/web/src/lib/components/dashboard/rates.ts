// The statistics page's arithmetic, in one place so that a chart and the table under it can only
// ever show the same numbers: both read the rows built here, never the raw counts.
import type { ComplianceCounts, Dashboard } from '@platform/contracts';
import { addDays } from '../../format/shanghai-time.ts';

/** What a rate with nothing to divide by reads as (no meeting was due). */
export const NO_RATE = '—';

/**
 * `part / whole` as a percentage rounded to one decimal, or null when `whole` is zero (or less,
 * which the API never sends): 0 % would claim that meetings were due and none was reported.
 */
export function percent(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** "87.5%", "100%", or "—" for no rate. */
export function formatPercent(value: number | null): string {
  return value === null ? NO_RATE : `${value}%`;
}

/**
 * One line of a table and one point or bar of a chart. 上报率 counts every report (late or without
 * evidence included) against the meetings due; 按时率 only those reported on time with a photo or
 * video, over the same base, so the two can share an axis and 按时率 never exceeds 上报率.
 */
export interface RateRow {
  key: string;
  label: string;
  due: number;
  reported: number;
  late: number;
  noEvidence: number;
  missing: number;
  reportingRate: number | null;
  onTimeRate: number | null;
}

/** A rate row of `counts`, under `key` and `label`. */
export function rateRow(key: string, label: string, counts: ComplianceCounts): RateRow {
  return {
    key,
    label,
    due: counts.due,
    reported: counts.reported,
    late: counts.late,
    noEvidence: counts.noEvidence,
    missing: counts.missing,
    reportingRate: percent(counts.reported, counts.due),
    onTimeRate: percent(counts.onTime, counts.due),
  };
}

const NOTHING: ComplianceCounts = { due: 0, reported: 0, onTime: 0, late: 0, noEvidence: 0, missing: 0, heldOutsideWindow: 0, flagged: 0 };

/**
 * One row per day from `from` to `to`. The API lists only days that had meetings due; a trend
 * with those days left out would draw a rest day as no time at all, so they come back as empty
 * rows (no rate: a gap in the lines).
 */
export function dailyRows(byDay: Dashboard['byDay'], from: string, to: string): RateRow[] {
  const counts = new Map(byDay.map((d) => [d.date, d]));
  const rows: RateRow[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) rows.push(rateRow(day, day, counts.get(day) ?? NOTHING));
  return rows;
}
