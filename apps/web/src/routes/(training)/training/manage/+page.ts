import { redirect } from '@sveltejs/kit';
import { ApiError, apiFor } from '$lib/api/client.ts';
import { programmeFiltersFromUrl } from '$lib/components/programme/programme-filters.ts';
import type { PageLoad } from './$types';

/** The system administrator's page: the programme's targets and the enterprises still to enrol into a tier. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  if (me.role !== 'ADMIN') redirect(307, '/training');
  const api = apiFor(fetch);
  const filters = programmeFiltersFromUrl(url);
  // Enrolment is into one tier at a time; the first visit starts with 百家危化.
  if (!filters.category) filters.category = 'HAZARDOUS_CHEMICAL';
  const programme = await api.programme.get().catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  const [candidates, zones, industries] = await Promise.all([
    programme
      ? api.programme.candidates({
          programmeId: programme.id,
          zoneId: filters.zoneId || undefined,
          industryId: filters.industryId || undefined,
          category: filters.category,
          q: filters.q || undefined,
          page: filters.page,
          pageSize: 50,
        })
      : null,
    api.zones.list(),
    api.industries.list(),
  ]);
  return { filters, programme, candidates, zones, industries };
};
