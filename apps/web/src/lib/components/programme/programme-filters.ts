import type { ProgrammeCategory, ProgrammeFigures } from '@platform/contracts';

export const TIERS: readonly ProgrammeCategory[] = ['HAZARDOUS_CHEMICAL', 'KEY_INDUSTRIAL'];

/** The filters of the 百千万 pages as they appear in the URL (`?zoneId=&industryId=&category=&q=&page=`). */
export interface ProgrammeFilters {
  zoneId: string;
  industryId: string;
  category: ProgrammeCategory | '';
  q: string;
  page: number;
}

/** Filters from the URL; an unknown tier or a bad page number is dropped rather than sent. */
export function programmeFiltersFromUrl(url: URL): ProgrammeFilters {
  const p = url.searchParams;
  const category = p.get('category') ?? '';
  const page = Number(p.get('page'));
  return {
    zoneId: p.get('zoneId') ?? '',
    industryId: p.get('industryId') ?? '',
    category: (TIERS as readonly string[]).includes(category) ? (category as ProgrammeCategory) : '',
    q: (p.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL query for `filters`, leaving out what is not set (and page 1). */
export function programmeFiltersToQuery(filters: ProgrammeFilters): string {
  const params = new URLSearchParams();
  if (filters.zoneId) params.set('zoneId', filters.zoneId);
  if (filters.industryId) params.set('industryId', filters.industryId);
  if (filters.category) params.set('category', filters.category);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The filters as an API query: empty ones left out. */
export function programmeApiQuery(filters: ProgrammeFilters) {
  return {
    zoneId: filters.zoneId || undefined,
    industryId: filters.industryId || undefined,
    category: filters.category || undefined,
  };
}

/** Whole percent of `value` against `target`, capped at 100 for the bar (the text shows the real count). */
export function progressPercent(value: number, target: number): number {
  if (target <= 0) return 0;
  return Math.min(100, Math.floor((value / target) * 100));
}

/** Figures of the whole programme for the cards: enrolled per tier against its target, workers certified against theirs. */
export function targetProgress(
  totals: ProgrammeFigures,
  targets: { hazardousEnterprises: number; keyEnterprises: number; workers: number },
) {
  return {
    hazardous: progressPercent(totals.hazardousEnrolled, targets.hazardousEnterprises),
    key: progressPercent(totals.keyEnrolled, targets.keyEnterprises),
    workers: progressPercent(totals.workersCertified, targets.workers),
  };
}
