// The statistics page's period and filters as they appear in its URL (`?from=&to=&zoneId=
// &industryId=&riskLevel=`), so a selection can be bookmarked, shared and reloaded. Values the
// API would refuse are corrected or dropped here, so the page never opens on an error.
import type { DashboardQuery, RiskLevel } from '@platform/contracts';
import { RISK_LEVELS } from '../../loaders/enterprise-list.ts';
import { addDays, isDay } from '../../format/shanghai-time.ts';

/** The API's longest period, in days counted inclusively. */
export const MAX_DAYS = 366;
/** The period when the URL names none, as the API's default: the last 30 days up to today. */
export const DEFAULT_DAYS = 30;
/** The quick choices next to the date fields. */
export const QUICK_DAYS = [7, 30, 90] as const;

const ID = /^[0-9a-f-]{36}$/i;

export interface DashboardFilters {
  from: string;
  to: string;
  zoneId: string;
  industryId: string;
  riskLevel: RiskLevel | '';
}

/** Days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/** The last `days` days up to and including `today`. */
export function lastDays(days: number, today: string): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/**
 * The filters in `url` as seen on `today` (Beijing). An end in the future becomes today (those
 * days have nothing due yet), reversed dates are swapped, and a period longer than the API allows
 * is cut at its start; `clamped` says so, for a notice.
 */
export function filtersFromUrl(url: URL, today: string): { filters: DashboardFilters; clamped: boolean } {
  const p = url.searchParams;
  const day = (key: string) => (isDay(p.get(key)) ? p.get(key)! : '');
  let to = day('to') || today;
  if (to > today) to = today;
  let from = day('from') || lastDays(DEFAULT_DAYS, to).from;
  if (from > to) [from, to] = [to, from];
  const clamped = periodDays(from, to) > MAX_DAYS;
  if (clamped) from = lastDays(MAX_DAYS, to).from;
  const id = (key: string) => (ID.test(p.get(key) ?? '') ? p.get(key)! : '');
  const risk = p.get('riskLevel') ?? '';
  const riskLevel = (RISK_LEVELS as readonly string[]).includes(risk) ? (risk as RiskLevel) : '';
  return { filters: { from, to, zoneId: id('zoneId'), industryId: id('industryId'), riskLevel }, clamped };
}

/** The API query of `filters`; "all" leaves a key out. */
export function toApiQuery(filters: DashboardFilters): DashboardQuery {
  return {
    from: filters.from,
    to: filters.to,
    zoneId: filters.zoneId || undefined,
    industryId: filters.industryId || undefined,
    riskLevel: filters.riskLevel || undefined,
  };
}

/** The page URL's query of `filters`, e.g. "?from=2026-11-01&to=2026-11-30&zoneId=…". */
export function toUrlQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.zoneId) params.set('zoneId', filters.zoneId);
  if (filters.industryId) params.set('industryId', filters.industryId);
  if (filters.riskLevel) params.set('riskLevel', filters.riskLevel);
  return `?${params.toString()}`;
}
