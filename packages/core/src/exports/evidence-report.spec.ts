import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.ts';
import { evidenceReport } from './evidence-report.ts';
import { reportPeriod } from './evidence-report.service.ts';
import type { EvidenceEnterprise, EvidenceSlotRow } from './export.port.ts';
import { flagText } from './labels.zh-CN.ts';

const NOW = new Date('2026-11-28T20:00:00+08:00');
const at = (time: string) => new Date(`2026-11-28T${time}:00+08:00`);
const enterprise: EvidenceEnterprise = {
  id: 'e1',
  name: '天津某化工有限公司',
  creditCode: '91120116MA05K8XX1X',
  zoneId: 'z1',
  zone: { id: 'z1', name: '开发区' },
  industry: { id: 'i1', name: '危险化学品' },
  riskLevel: 'RED',
  address: '天津市滨海新区',
};

function slot(over: Partial<EvidenceSlotRow>): EvidenceSlotRow {
  return {
    id: 's',
    date: '2026-11-28',
    team: { id: 't1', name: '一班' },
    shift: { id: 'sh1', name: '早班', startMinute: 480, endMinute: 960 },
    dueFrom: at('07:00'),
    dueUntil: at('08:00'),
    reportBy: at('10:00'),
    status: 'OPEN',
    reportedAt: null,
    reportedOnTime: null,
    heldOnTime: null,
    evidenceCount: 0,
    evidenceBy: null,
    flagCount: 0,
    meeting: null,
    ...over,
  };
}

describe('evidenceReport', () => {
  it('states each due meeting by slotState and totals them as the dashboard does', () => {
    const reported = { status: 'REPORTED' as const, reportedAt: at('07:40'), evidenceBy: at('09:40') };
    const report = evidenceReport(
      enterprise,
      { from: '2026-11-28', to: '2026-11-28' },
      [
        slot({ id: 'a', ...reported, reportedOnTime: true, heldOnTime: true, evidenceCount: 1 }),
        slot({ id: 'b', ...reported, reportedOnTime: false, heldOnTime: false, evidenceCount: 1, flagCount: 2 }),
        slot({ id: 'c', ...reported, reportedOnTime: true, heldOnTime: true, evidenceCount: 0 }),
        slot({ id: 'd', status: 'MISSING' }),
        slot({ id: 'e', status: 'OPEN' }), // past its deadline: missing even before the sweep
        slot({ id: 'f', dueFrom: at('21:00'), dueUntil: at('22:00'), reportBy: at('23:59') }),
      ],
      NOW,
    );
    expect(report.items.map((i) => i.state)).toEqual(['REPORTED', 'LATE', 'NO_EVIDENCE', 'MISSING', 'MISSING', 'UPCOMING']);
    expect(report.totals).toEqual({ due: 5, reported: 3, onTime: 1, late: 1, noEvidence: 1, missing: 2, heldOutsideWindow: 1, flagged: 1 });
    expect(report.items[0]!.shift).toMatchObject({ startTime: '08:00', endTime: '16:00' });
  });

  it('lists every file with its hash, removed ones marked, and keeps only scalar flag params', () => {
    const report = evidenceReport(
      enterprise,
      { from: '2026-11-28', to: '2026-11-28' },
      [
        slot({
          status: 'REPORTED',
          reportedAt: at('07:40'),
          reportedOnTime: true,
          meeting: {
            id: 'm1',
            startedAt: at('07:30'),
            hostName: '张三',
            expectedCount: 8,
            presentCount: 8,
            reviewStatus: 'FLAGGED',
            flags: [
              {
                kind: 'PHOTO_LOCATION_FAR',
                params: { meters: 1800, limitMeters: 500, nested: { x: 1 } },
                createdAt: at('08:00'),
                resolvedAt: null,
              },
            ],
            reviews: [],
            files: [
              {
                id: 'f1',
                kind: 'PHOTO',
                originalName: 'a.jpg',
                sizeBytes: 1000,
                sha256: 'ab'.repeat(32),
                uploadedAt: at('07:45'),
                capturedAt: null,
                removedAt: at('07:50'),
              },
            ],
          },
        }),
      ],
      NOW,
    );
    const meeting = report.items[0]!.meeting!;
    expect(meeting.files[0]).toMatchObject({ sha256: 'ab'.repeat(32), removedAt: at('07:50').toISOString() });
    expect(meeting.flags[0]!.params).toEqual({ meters: 1800, limitMeters: 500 });
    expect(flagText('PHOTO_LOCATION_FAR', meeting.flags[0]!.params)).toBe('照片拍摄地点距企业 1800 米（上限 500 米）');
    expect(flagText('PHOTO_TAKEN_OTHER_DAY', { capturedDate: '2026-12-01', meetingDate: '2026-11-28', mediaKind: 'VIDEO' })).toBe(
      '视频拍摄日期 2026-12-01 不是会议日期 2026-11-28',
    );
  });
});

describe('reportPeriod', () => {
  it('defaults to the 30 days up to today', () => {
    expect(reportPeriod({}, '2026-11-28')).toEqual({ from: '2026-10-30', to: '2026-11-28' });
  });

  it('allows 92 days and refuses 93 or a reversed period, naming `from`', () => {
    expect(reportPeriod({ from: '2026-09-01', to: '2026-12-01' }, '2026-11-28')).toEqual({ from: '2026-09-01', to: '2026-12-01' });
    expect(() => reportPeriod({ from: '2026-08-31', to: '2026-12-01' }, '2026-11-28')).toThrow(ValidationError);
    try {
      reportPeriod({ from: '2026-11-29', to: '2026-11-28' }, '2026-11-28');
    } catch (e) {
      expect((e as ValidationError).details).toMatchObject([{ field: 'from', code: 'RANGE_REVERSED' }]);
    }
  });
});
