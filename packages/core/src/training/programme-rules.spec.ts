import type { ProgrammeDashboard } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { addFigures, dashboardCells, figuresBy, programmeInputIssues, tierIssue, zeroFigures } from './programme-rules.ts';

const hazchem = { name: '危险化学品生产', hazardous: true };
const metal = { name: '冶金有色', hazardous: false };

describe('tier rule', () => {
  it('lets each tier take only the enterprises its industry belongs to', () => {
    expect(tierIssue('HAZARDOUS_CHEMICAL', { active: true, industry: hazchem }, 'f')).toBeNull();
    expect(tierIssue('KEY_INDUSTRIAL', { active: true, industry: metal }, 'f')).toBeNull();
    expect(tierIssue('HAZARDOUS_CHEMICAL', { active: true, industry: metal }, 'enterpriseIds.2')).toMatchObject({
      field: 'enterpriseIds.2',
      code: 'PROGRAMME_TIER_NEEDS_HAZARDOUS',
      params: { industry: '冶金有色' },
    });
    expect(tierIssue('KEY_INDUSTRIAL', { active: true, industry: hazchem }, 'f')?.code).toBe('PROGRAMME_TIER_NOT_FOR_HAZARDOUS');
  });

  it('refuses a deactivated enterprise whatever its industry', () => {
    expect(tierIssue('KEY_INDUSTRIAL', { active: false, industry: metal }, 'f')?.code).toBe('PROGRAMME_ENTERPRISE_INACTIVE');
  });
});

describe('programme period', () => {
  it('accepts a year inside its period', () => {
    expect(programmeInputIssues({ year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31' })).toEqual([]);
    expect(programmeInputIssues({ year: 2021, startsOn: '2021-06-01', endsOn: '2027-12-31' })).toEqual([]);
  });

  it('names a reversed period, an over-long one and a year outside it', () => {
    expect(programmeInputIssues({ year: 2026, startsOn: '2026-02-01', endsOn: '2026-01-31' })).toEqual([
      expect.objectContaining({ field: 'endsOn', code: 'RANGE_REVERSED' }),
    ]);
    expect(programmeInputIssues({ year: 2026, startsOn: '2020-01-01', endsOn: '2031-01-01' })[0]).toMatchObject({
      field: 'endsOn',
      code: 'RANGE_TOO_LONG',
    });
    expect(programmeInputIssues({ year: 2030, startsOn: '2026-01-01', endsOn: '2026-12-31' })).toEqual([
      expect.objectContaining({ field: 'year', code: 'PROGRAMME_YEAR_OUTSIDE_PERIOD', params: { year: 2030 } }),
    ]);
  });
});

describe('figures', () => {
  const row = (zoneId: string, industryId: string, n: number) => ({
    ...zeroFigures(),
    zoneId,
    industryId,
    keyEnrolled: n,
    workers: 10 * n,
  });

  it('sums zone × industry rows into zones and industries that add up to the totals', () => {
    const rows = [row('z1', 'i1', 1), row('z1', 'i2', 2), row('z2', 'i1', 4)];
    const zones = figuresBy(
      rows,
      'zoneId',
      new Map([
        ['z1', '乙区'],
        ['z2', '甲区'],
      ]),
    );
    expect(zones.map((z) => [z.id, z.keyEnrolled, z.workers])).toEqual([
      ['z2', 4, 40],
      ['z1', 3, 30],
    ]);
    const industries = figuresBy(rows, 'industryId', new Map());
    expect(industries.reduce((s, i) => s + i.keyEnrolled, 0)).toBe(rows.reduce(addFigures, zeroFigures()).keyEnrolled);
  });

  it('lays the export out as targets, totals, zones, industries', () => {
    const totals = { ...zeroFigures(), hazardousEnrolled: 3, workersCertified: 7 };
    const dashboard = {
      programme: { name: '计划', targets: { hazardousEnterprises: 100, keyEnterprises: 1000, workers: 10000 } },
      totals,
      byZone: [{ id: 'z', name: '区', ...totals }],
      byIndustry: [{ id: 'i', name: '业', ...totals }],
    } as unknown as ProgrammeDashboard;
    const cells = dashboardCells(dashboard);
    expect(cells.map((r) => r[0])).toEqual(['目标', '合计', '区域', '行业']);
    expect(cells[0]).toEqual(['目标', '计划', 100, null, null, 1000, null, null, null, null, 10000, null]);
    expect(cells[1]).toEqual(['合计', '全部', 3, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
  });
});
