import { describe, expect, it } from 'vitest';
import { reviewFiltersFromUrl, reviewFiltersToQuery } from './review-list.ts';

const ZONE = '01a22f9d-df6b-7384-9d49-cd4dbfe7d7d0';

describe('review list filters', () => {
  it('keeps valid filters and drops what the API would refuse', () => {
    const url = new URL(`https://x/compliance/meetings?zoneId=${ZONE}&flagged=true&held=NOPE&from=2026-13&page=3&sort=enterprise&evil=1`);
    expect(reviewFiltersFromUrl(url)).toEqual({ zoneId: ZONE, flagged: 'true', sort: 'enterprise', page: 3 });
  });

  it('round-trips through the query, leaving out page 1', () => {
    const filters = { zoneId: ZONE, evidence: 'WITHOUT', reviewStatus: 'PENDING', page: 1 };
    const query = reviewFiltersToQuery(filters);
    expect(query).toBe(`?zoneId=${ZONE}&evidence=WITHOUT&reviewStatus=PENDING`);
    expect(reviewFiltersFromUrl(new URL(`https://x/${query}`))).toEqual(filters);
    expect(reviewFiltersToQuery({ page: 1 })).toBe('');
  });
});
