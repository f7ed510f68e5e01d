import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, depends }) => {
  depends('app:cameras');
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const api = apiFor(fetch);
  const [cameras, teams] = await Promise.all([api.cameras.list({ pageSize: 100 }), api.teams.list(enterpriseId)]);
  return { cameras: cameras.items, teams: teams.filter((team) => team.active) };
};
