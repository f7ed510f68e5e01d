import { describe, expect, it } from 'vitest';
import { programmeFiltersFromUrl, programmeFiltersToQuery, progressPercent } from './programme-filters.ts';

describe('百千万 page filters', () => {
  it('reads the filters from the URL, dropping an unknown tier and a bad page', () => {
    const url = new URL('https://x/training?zoneId=z1&category=NOPE&page=-2&q=%20化工%20');
    expect(programmeFiltersFromUrl(url)).toEqual({ zoneId: 'z1', industryId: '', category: '', q: '化工', page: 1 });
    expect(programmeFiltersFromUrl(new URL('https://x/training?category=KEY_INDUSTRIAL&page=3')).category).toBe('KEY_INDUSTRIAL');
  });

  it('writes only what is set back into a query', () => {
    expect(programmeFiltersToQuery({ zoneId: '', industryId: 'i1', category: 'HAZARDOUS_CHEMICAL', q: '', page: 1 })).toBe(
      '?industryId=i1&category=HAZARDOUS_CHEMICAL',
    );
    expect(programmeFiltersToQuery({ zoneId: '', industryId: '', category: '', q: ' ', page: 1 })).toBe('');
  });

  it('shows progress as whole percent, capped at a full bar', () => {
    expect(progressPercent(37, 100)).toBe(37);
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(1200, 1000)).toBe(100);
    expect(progressPercent(5, 0)).toBe(0);
  });
});
