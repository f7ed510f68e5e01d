import { describe, expect, it } from 'vitest';
import { filtersFromUrl, lastDays, MAX_DAYS, periodDays, toApiQuery, toUrlQuery } from './dashboard-filters.ts';

const TODAY = '2026-12-01';
const ZONE = '0b7f3c1e-4f7a-4a53-9d1e-1f2a3b4c5d6e';
const url = (query: string) => new URL(`http://x/compliance/dashboard${query}`);

describe('filtersFromUrl', () => {
  it('defaults to the last 30 days up to today, all zones, industries and risk levels', () => {
    expect(filtersFromUrl(url(''), TODAY)).toEqual({
      filters: { from: '2026-11-02', to: TODAY, zoneId: '', industryId: '', riskLevel: '' },
      clamped: false,
    });
  });

  it('keeps a valid selection', () => {
    const { filters } = filtersFromUrl(url(`?from=2026-01-01&to=2026-01-31&zoneId=${ZONE}&riskLevel=RED`), TODAY);
    expect(filters).toEqual({ from: '2026-01-01', to: '2026-01-31', zoneId: ZONE, industryId: '', riskLevel: 'RED' });
  });

  it('drops values the API would refuse', () => {
    const { filters } = filtersFromUrl(url('?from=2026-02-30&to=x&zoneId=1&industryId=abc&riskLevel=PURPLE'), TODAY);
    expect(filters).toEqual({ from: '2026-11-02', to: TODAY, zoneId: '', industryId: '', riskLevel: '' });
  });

  it('ends a period in the future today, and swaps reversed dates', () => {
    expect(filtersFromUrl(url('?from=2026-11-20&to=2027-01-01'), TODAY).filters).toMatchObject({ from: '2026-11-20', to: TODAY });
    expect(filtersFromUrl(url('?from=2026-11-20&to=2026-11-10'), TODAY).filters).toMatchObject({ from: '2026-11-10', to: '2026-11-20' });
  });

  it('cuts a period longer than the API allows at its start, and says so', () => {
    const { filters, clamped } = filtersFromUrl(url('?from=2024-01-01&to=2026-06-30'), TODAY);
    expect(clamped).toBe(true);
    expect(filters.to).toBe('2026-06-30');
    expect(periodDays(filters.from, filters.to)).toBe(MAX_DAYS);
  });

  it('takes a whole leap year as it is', () => {
    const { filters, clamped } = filtersFromUrl(url('?from=2024-01-01&to=2024-12-31'), TODAY);
    expect(clamped).toBe(false);
    expect(filters.from).toBe('2024-01-01');
  });
});

describe('periods', () => {
  it('counts both ends, across a year boundary', () => {
    expect(periodDays('2026-12-31', '2027-01-01')).toBe(2);
    expect(periodDays(TODAY, TODAY)).toBe(1);
  });

  it('gives the last n days including today', () => {
    expect(lastDays(7, '2027-01-03')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});

describe('queries', () => {
  const filters = { from: '2026-11-01', to: '2026-11-30', zoneId: ZONE, industryId: '', riskLevel: '' as const };

  it('leaves "all" out of the API query', () => {
    expect(toApiQuery(filters)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      zoneId: ZONE,
      industryId: undefined,
      riskLevel: undefined,
    });
  });

  it('writes a URL query that reads back to the same filters', () => {
    expect(toUrlQuery(filters)).toBe(`?from=2026-11-01&to=2026-11-30&zoneId=${ZONE}`);
    expect(filtersFromUrl(url(toUrlQuery(filters)), TODAY).filters).toEqual(filters);
  });
});
