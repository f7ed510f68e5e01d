import { apiFor } from '$lib/api/client.ts';
import { isDay } from '$lib/format/shanghai-time.ts';
import { loadFormChoices } from '$lib/loaders/meetings.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const date = url.searchParams.get('date');
  return {
    ...(await loadFormChoices(apiFor(fetch), enterpriseId)),
    preset: { teamId: url.searchParams.get('teamId'), shiftId: url.searchParams.get('shiftId'), date: isDay(date) ? date : null },
  };
};
