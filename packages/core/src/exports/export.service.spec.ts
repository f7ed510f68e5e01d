import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import type { AuditEvent, AuditRepository } from '../audit/audit.port.ts';
import { ExportTooLargeError } from '../errors/index.ts';
import type { ExportRepository, ExportedMeeting } from './export.port.ts';
import { ExportService } from './export.service.ts';

const NOW = new Date('2026-11-28T12:00:00+08:00');
const zoneOfficer = { id: 'u1', role: 'ZONE_OFFICER', zoneId: 'z1', enterpriseId: null, username: 'zone1' } as unknown as Actor;

const meeting: ExportedMeeting = {
  id: 'm1',
  meetingDate: '2026-11-28',
  enterprise: { name: '天津某化工有限公司', creditCode: '91120116MA05K8XX1X', riskLevel: 'RED' },
  zoneName: '开发区',
  industryName: '危险化学品',
  teamName: '一班',
  shift: { name: '早班', startMinute: 480, endMinute: 960 },
  startedAt: new Date('2026-11-28T07:35:00+08:00'),
  hostName: '张三',
  expectedCount: 8,
  presentCount: 7,
  reportedAt: new Date('2026-11-28T10:30:00+08:00'),
  reviewStatus: 'PENDING',
  bestPractice: false,
  slot: {
    dueFrom: new Date('2026-11-28T07:00:00+08:00'),
    dueUntil: new Date('2026-11-28T08:00:00+08:00'),
    reportBy: new Date('2026-11-28T10:00:00+08:00'),
    status: 'REPORTED',
    reportedOnTime: false,
    heldOnTime: true,
    evidenceCount: 2,
    evidenceBy: new Date('2026-11-28T12:30:00+08:00'),
    flagCount: 0,
  },
};

function setup(count: number, maxRows = 10) {
  const events: AuditEvent[] = [];
  const scopes: unknown[] = [];
  const repo: ExportRepository = {
    countMeetings: async (scope) => (scopes.push(scope), count),
    async *meetings() {
      yield meeting;
    },
    async *missing() {},
  };
  const audit = { record: async (e: AuditEvent) => void events.push(e) } as unknown as AuditRepository;
  const service = new ExportService(repo, { missing: async () => ({ date: '', items: [], total: 0 }) }, audit, () => NOW, maxRows);
  return { service, events, scopes };
}

describe('ExportService.meetings', () => {
  it("reads in the caller's meeting scope, audits the filters, and writes states in Chinese", async () => {
    const { service, events, scopes } = setup(1);
    const table = await service.meetings(zoneOfficer, { from: '2026-11-28', sort: 'reportedAt', order: 'desc', format: 'csv' });
    expect(scopes).toEqual([{ kind: 'zone', zoneId: 'z1' }]);
    expect(events).toMatchObject([{ action: 'meeting.export', outcome: 'SUCCESS', details: { rows: 1, filter: { from: '2026-11-28' } } }]);
    expect(table.fileName).toBe('班前会记录_2026-11-28至');
    const rows = [];
    for await (const row of table.rows) rows.push(Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
    expect(rows).toEqual([
      expect.objectContaining({
        企业名称: '天津某化工有限公司',
        风险等级: '重大风险',
        班次: '早班（08:00–16:00）',
        按时时段: '07:00–08:00',
        上报时间: '2026-11-28 10:30',
        状态: '迟报',
        按时召开: '是',
        照片视频数: 2,
        审核状态: '待审核',
      }),
    ]);
  });

  it('refuses more rows than the limit before writing or auditing anything', async () => {
    const { service, events } = setup(11, 10);
    const error = await service.meetings(zoneOfficer, { sort: 'reportedAt', order: 'desc', format: 'xlsx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportTooLargeError);
    expect(error).toMatchObject({ code: 'EXPORT_TOO_LARGE', params: { count: 11, limit: 10 } });
    expect(events).toEqual([]);
  });
});
