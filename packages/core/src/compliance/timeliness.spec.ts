import { describe, expect, it } from 'vitest';
import { evidenceDeadline, heldOnTime, reportedOnTime, reportTimingIssues, slotState, type SlotTimes } from './timeliness.ts';

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const GRACE = 120;
// The 07:00 shift of 1 December: window 06:00–07:30, deadline 09:30.
const morning: SlotTimes = { dueFrom: at('2026-12-01T06:00:00'), dueUntil: at('2026-12-01T07:30:00'), reportBy: at('2026-12-01T09:30:00') };
const morningShift = { startMinute: 7 * 60, endMinute: 15 * 60 };
// The 00:00 night shift of 2 December: window 23:00 on the 1st – 00:30.
const night: SlotTimes = { dueFrom: at('2026-12-01T23:00:00'), dueUntil: at('2026-12-02T00:30:00'), reportBy: at('2026-12-02T02:30:00') };
const nightShift = { startMinute: 0, endMinute: 8 * 60 };

describe('held and reported on time are separate facts', () => {
  it('a 07:00-shift meeting reported at 02:19 with the default start 02:19 is refused: the window has not opened', () => {
    const issues = reportTimingIssues(
      { date: '2026-12-01', startedAt: at('2026-12-01T02:19:00'), endedAt: null },
      morningShift,
      morning,
      at('2026-12-01T02:19:00'),
    );
    expect(issues.map((i) => i.code)).toEqual(['SLOT_NOT_OPEN']);
  });

  it('a night meeting held at 23:40 in its window and entered at 02:13 is held on time and reported on time', () => {
    const report = { reportedAt: at('2026-12-02T02:13:00'), startedAt: at('2026-12-01T23:40:00'), endedAt: at('2026-12-02T00:05:00') };
    expect(reportTimingIssues({ date: '2026-12-02', ...report }, nightShift, night, report.reportedAt)).toEqual([]);
    expect(heldOnTime(report.startedAt, night)).toBe(true);
    expect(reportedOnTime(report.reportedAt, { ...night, closedAsMissing: false })).toBe(true);
  });

  it('a meeting held inside its window but reported past the grace is held on time and reported late', () => {
    const startedAt = at('2026-12-01T06:40:00');
    expect(heldOnTime(startedAt, morning)).toBe(true);
    expect(reportedOnTime(at('2026-12-01T09:30:00'), { ...morning, closedAsMissing: false })).toBe(true);
    expect(reportedOnTime(at('2026-12-01T09:31:00'), { ...morning, closedAsMissing: false })).toBe(false);
  });

  it('a meeting held after its window is held late, and may still be reported on time', () => {
    expect(heldOnTime(at('2026-12-01T08:00:00'), morning)).toBe(false);
    expect(heldOnTime(at('2026-12-01T05:30:00'), morning)).toBe(false);
    expect(reportedOnTime(at('2026-12-01T08:30:00'), { ...morning, closedAsMissing: false })).toBe(true);
  });

  it('a slot closed as missing only ever becomes late, even if the sweep ran early', () => {
    expect(reportedOnTime(at('2026-12-01T09:00:00'), { ...morning, closedAsMissing: true })).toBe(false);
  });

  it('refuses a start in the future, a start on another day, and an end in the future', () => {
    const now = at('2026-12-01T07:10:00');
    const codes = (startedAt: Date, endedAt: Date | null = null) =>
      reportTimingIssues({ date: '2026-12-01', startedAt, endedAt }, morningShift, morning, now).map((i) => i.code);
    expect(codes(at('2026-12-01T07:40:00'))).toEqual(['START_IN_FUTURE']);
    expect(codes(at('2026-12-01T07:13:00'))).toEqual([]); // a phone clock a few minutes fast
    expect(codes(at('2026-11-30T22:00:00'))).toEqual(['START_NOT_ON_DATE']);
    expect(codes(at('2026-12-01T06:50:00'), at('2026-12-01T08:00:00'))).toEqual(['END_IN_FUTURE']);
    // The night shift's window opens the evening before: 23:10 on the 1st is its day; 21:00 is not.
    const nightCodes = (startedAt: Date) =>
      reportTimingIssues({ date: '2026-12-02', startedAt, endedAt: null }, nightShift, night, at('2026-12-02T01:00:00')).map((i) => i.code);
    expect(nightCodes(at('2026-12-01T23:10:00'))).toEqual([]);
    expect(nightCodes(at('2026-12-01T21:00:00'))).toEqual(['START_NOT_ON_DATE']);
  });

  it('accepts the small hours of an overnight shift as its day', () => {
    const evening: SlotTimes = {
      dueFrom: at('2026-12-01T15:00:00'),
      dueUntil: at('2026-12-01T16:30:00'),
      reportBy: at('2026-12-01T18:30:00'),
    };
    const issues = reportTimingIssues(
      { date: '2026-12-01', startedAt: at('2026-12-02T00:30:00'), endedAt: null },
      { startMinute: 16 * 60, endMinute: 2 * 60 },
      evening,
      at('2026-12-02T01:00:00'),
    );
    expect(issues).toEqual([]);
  });
});

describe('slotState', () => {
  const base = { ...morning, status: 'OPEN' as const, reportedOnTime: null, evidenceCount: 0, evidenceBy: null };

  it('is upcoming before the window, due in it and until the deadline, missing after', () => {
    expect(slotState(at('2026-12-01T05:00:00'), base)).toBe('UPCOMING');
    expect(slotState(at('2026-12-01T06:30:00'), base)).toBe('DUE');
    expect(slotState(at('2026-12-01T09:00:00'), base)).toBe('DUE');
    expect(slotState(at('2026-12-01T09:31:00'), base)).toBe('MISSING');
    expect(slotState(at('2026-12-01T06:30:00'), { ...base, status: 'MISSING' })).toBe('MISSING');
  });

  it('counts a report without photo or video after the grace as reported without evidence, apart from complete reports', () => {
    const reportedAt = at('2026-12-01T07:00:00');
    const reported = { ...base, status: 'REPORTED' as const, reportedOnTime: true, evidenceBy: evidenceDeadline(reportedAt, GRACE) };
    expect(slotState(at('2026-12-01T08:00:00'), reported)).toBe('REPORTED');
    expect(slotState(at('2026-12-01T09:01:00'), reported)).toBe('NO_EVIDENCE');
    expect(slotState(at('2026-12-01T09:01:00'), { ...reported, evidenceCount: 2 })).toBe('REPORTED');
    expect(slotState(at('2026-12-01T09:01:00'), { ...reported, evidenceCount: 1, reportedOnTime: false })).toBe('LATE');
  });
});
