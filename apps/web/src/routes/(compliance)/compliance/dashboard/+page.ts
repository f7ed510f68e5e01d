import { apiFor } from '$lib/api/client.ts';
import { filtersFromUrl, toApiQuery } from '$lib/components/dashboard/dashboard-filters.ts';
import { shanghaiDay } from '$lib/format/shanghai-time.ts';
import type { PageLoad } from './$types';

/** The statistics of the period and filters in the URL (default the last 30 days), and the filter choices. */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const today = shanghaiDay();
  const { filters, clamped } = filtersFromUrl(url, today);
  const [dashboard, zones, industries] = await Promise.all([
    api.compliance.dashboard(toApiQuery(filters)),
    api.zones.list(),
    api.industries.list(),
  ]);
  return { today, filters, clamped, dashboard, zones, industries };
};
