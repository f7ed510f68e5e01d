import type { Industry, MeetingSummary, Page, Zone } from '@platform/contracts';
import type { Query } from '$lib/api/operation.ts';
import type { Api } from '$lib/api/client.ts';

// The reviewers' meeting list: every filter the API offers, kept in the page URL so the back
// button, a bookmark and the export links all carry the same selection.

const ID = /^[0-9a-f-]{36}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Each filter and the values it may take: an id, a date, or one of a closed list. */
const FILTERS = {
  zoneId: ID,
  industryId: ID,
  enterpriseId: ID,
  riskLevel: ['RED', 'ORANGE', 'YELLOW', 'BLUE'],
  from: DAY,
  to: DAY,
  timeliness: ['ON_TIME', 'LATE'],
  held: ['ON_TIME', 'OUTSIDE_WINDOW'],
  evidence: ['WITH', 'WITHOUT'],
  flagged: ['true', 'false'],
  bestPractice: ['true', 'false'],
  reviewStatus: ['PENDING', 'APPROVED', 'FLAGGED', 'CORRECTION_REQUESTED', 'RESUBMITTED'],
  sort: ['reportedAt', 'meetingDate', 'enterprise'],
  order: ['asc', 'desc'],
} as const satisfies Record<string, RegExp | readonly string[]>;

export type ReviewFilterKey = keyof typeof FILTERS;
export type ReviewFilters = Partial<Record<ReviewFilterKey, string>> & { page: number };

const accepts = (rule: RegExp | readonly string[], value: string) => (rule instanceof RegExp ? rule.test(value) : rule.includes(value));

/** The filters in `url`; values the API would refuse are dropped rather than sent. */
export function reviewFiltersFromUrl(url: URL): ReviewFilters {
  const filters: ReviewFilters = { page: 1 };
  for (const [key, rule] of Object.entries(FILTERS) as [ReviewFilterKey, RegExp | readonly string[]][]) {
    const value = url.searchParams.get(key);
    if (value && accepts(rule, value)) filters[key] = value;
  }
  const page = Number(url.searchParams.get('page'));
  if (Number.isInteger(page) && page > 1) filters.page = page;
  return filters;
}

/** The URL query of `filters` (without page 1), e.g. "?zoneId=…&flagged=true". */
export function reviewFiltersToQuery(filters: ReviewFilters): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(FILTERS) as ReviewFilterKey[]) if (filters[key]) params.set(key, filters[key]!);
  if (filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** One page of meetings in the reviewer's scope, and the zones and industries the filters offer. */
export async function loadReviewList(
  api: Api,
  url: URL,
  pageSize = 30,
): Promise<{ filters: ReviewFilters; result: Page<MeetingSummary>; zones: Zone[]; industries: Industry[] }> {
  const filters = reviewFiltersFromUrl(url);
  const { page, ...rest } = filters;
  const [result, zones, industries] = await Promise.all([
    api.meetings.list({ ...(rest as Query<'listMeetings'>), page, pageSize }),
    api.zones.list(),
    api.industries.list(),
  ]);
  return { filters, result, zones, industries };
}
