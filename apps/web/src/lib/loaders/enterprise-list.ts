import type { Enterprise, Industry, Page, RiskLevel, Zone } from '@platform/contracts';
import type { Api } from '$lib/api/client.ts';

export const RISK_LEVELS: readonly RiskLevel[] = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];

/** The enterprise-list filters as they appear in the page URL (`?q=&zoneId=&industryId=&riskLevel=&page=`). */
export interface EnterpriseFilters {
  q: string;
  zoneId: string;
  industryId: string;
  riskLevel: RiskLevel | '';
  page: number;
}

/** Filters from the URL; unknown risk levels and bad page numbers are dropped rather than sent. */
export function filtersFromUrl(url: URL): EnterpriseFilters {
  const p = url.searchParams;
  const risk = p.get('riskLevel') ?? '';
  const page = Number(p.get('page'));
  return {
    q: p.get('q') ?? '',
    zoneId: p.get('zoneId') ?? '',
    industryId: p.get('industryId') ?? '',
    riskLevel: (RISK_LEVELS as readonly string[]).includes(risk) ? (risk as RiskLevel) : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL query for `filters`, leaving out what is not set (and page 1). */
export function filtersToQuery(filters: EnterpriseFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.zoneId) params.set('zoneId', filters.zoneId);
  if (filters.industryId) params.set('industryId', filters.industryId);
  if (filters.riskLevel) params.set('riskLevel', filters.riskLevel);
  if (filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** One page of enterprises in the caller's scope, plus the zones and industries the filters offer. */
export async function loadEnterpriseList(
  api: Api,
  url: URL,
  pageSize = 20,
): Promise<{ filters: EnterpriseFilters; result: Page<Enterprise>; zones: Zone[]; industries: Industry[] }> {
  const filters = filtersFromUrl(url);
  const [result, zones, industries] = await Promise.all([
    api.enterprises.list({
      q: filters.q || undefined,
      zoneId: filters.zoneId || undefined,
      industryId: filters.industryId || undefined,
      riskLevel: filters.riskLevel || undefined,
      page: filters.page,
      pageSize,
    }),
    api.zones.list(),
    api.industries.list(),
  ]);
  return { filters, result, zones, industries };
}
