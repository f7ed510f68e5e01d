import { apiFor } from '$lib/api/client.ts';
import { programmeApiQuery, programmeFiltersFromUrl } from '$lib/components/programme/programme-filters.ts';
import type { PageLoad } from './$types';

/** One page of the enterprises enrolled in the programme, in the caller's scope, with their figures. */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const filters = programmeFiltersFromUrl(url);
  const [result, zones, industries] = await Promise.all([
    api.programme.enterprises({ ...programmeApiQuery(filters), q: filters.q || undefined, page: filters.page, pageSize: 25 }),
    api.zones.list(),
    api.industries.list(),
  ]);
  return { filters, result, zones, industries };
};
