import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './wall-format.ts';
import { liveIdOf, liveKey, liveMatches } from './wall-live.ts';

const live = { enterprise: { id: 'e1', name: '港务', zoneId: 'z1' } };
const enterprise = { industry: { id: 'i1', name: '港口' }, riskLevel: 'RED' as const };

describe('live keys', () => {
  it('round-trips a live id and tells meetings apart', () => {
    expect(liveIdOf(liveKey('abc'))).toBe('abc');
    expect(liveIdOf('cm123')).toBeNull();
    expect(liveIdOf(null)).toBeNull();
  });
});

describe('liveMatches', () => {
  it('passes every live without filters, even with no enterprise at hand', () => {
    expect(liveMatches(live, null, NO_FILTERS)).toBe(true);
  });

  it('filters by zone from the live itself', () => {
    expect(liveMatches(live, null, { ...NO_FILTERS, zoneId: 'z1' })).toBe(true);
    expect(liveMatches(live, null, { ...NO_FILTERS, zoneId: 'z2' })).toBe(false);
  });

  it('filters by industry and risk level from the enterprise', () => {
    expect(liveMatches(live, enterprise, { ...NO_FILTERS, industryId: 'i1' })).toBe(true);
    expect(liveMatches(live, enterprise, { ...NO_FILTERS, industryId: 'i2' })).toBe(false);
    expect(liveMatches(live, enterprise, { ...NO_FILTERS, riskLevel: 'RED' })).toBe(true);
    expect(liveMatches(live, enterprise, { ...NO_FILTERS, riskLevel: 'BLUE' })).toBe(false);
  });

  it('leaves out a live whose enterprise could not be read while an industry or risk filter is set', () => {
    expect(liveMatches(live, null, { ...NO_FILTERS, riskLevel: 'RED' })).toBe(false);
  });
});
