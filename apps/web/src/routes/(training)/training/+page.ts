import { ApiError, apiFor } from '$lib/api/client.ts';
import { programmeApiQuery, programmeFiltersFromUrl } from '$lib/components/programme/programme-filters.ts';
import type { PageLoad } from './$types';

/** Progress against the three targets for the filters in the URL; null when no programme is set up yet. */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const filters = programmeFiltersFromUrl(url);
  const [dashboard, zones, industries] = await Promise.all([
    api.programme.dashboard(programmeApiQuery(filters)).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
    api.zones.list(),
    api.industries.list(),
  ]);
  return { filters, dashboard, zones, industries };
};
