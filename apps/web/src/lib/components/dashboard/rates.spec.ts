import { describe, expect, it } from 'vitest';
import { dailyRows, formatPercent, NO_RATE, percent, rateRow } from './rates.ts';

const counts = { due: 8, reported: 7, onTime: 5, late: 1, noEvidence: 1, missing: 1, heldOutsideWindow: 2, flagged: 3 };

describe('percent', () => {
  it('rounds to one decimal', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(3, 3)).toBe(100);
    expect(percent(0, 5)).toBe(0);
  });

  it('has no rate when nothing was due, rather than 0 % or NaN', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(3, 0)).toBeNull();
  });
});

describe('formatPercent', () => {
  it('writes a percentage, and a dash for no rate', () => {
    expect(formatPercent(66.7)).toBe('66.7%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe(NO_RATE);
    expect(formatPercent(percent(0, 0))).toBe('—');
  });
});

describe('rateRow', () => {
  it('reports every report against due, and on time only the on-time reports with evidence', () => {
    expect(rateRow('z1', '东区', counts)).toEqual({
      key: 'z1',
      label: '东区',
      due: 8,
      reported: 7,
      late: 1,
      noEvidence: 1,
      missing: 1,
      reportingRate: 87.5,
      onTimeRate: 62.5,
    });
  });

  it('has no rates for a group where nothing was due', () => {
    const row = rateRow('d', '2026-11-28', { ...counts, due: 0, reported: 0, onTime: 0 });
    expect(row.reportingRate).toBeNull();
    expect(row.onTimeRate).toBeNull();
  });
});

describe('dailyRows', () => {
  it('has a row for every day of the period, days without meetings due empty, across a year boundary', () => {
    const rows = dailyRows([{ date: '2027-01-01', ...counts }], '2026-12-30', '2027-01-02');
    expect(rows.map((r) => r.key)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(rows[2]!.reportingRate).toBe(87.5);
    expect(rows[0]).toMatchObject({ due: 0, missing: 0, reportingRate: null, onTimeRate: null });
  });
});
