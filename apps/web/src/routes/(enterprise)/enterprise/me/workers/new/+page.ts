import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  return { teams: await apiFor(fetch).teams.list(enterpriseId) };
};
