import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, params }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const api = apiFor(fetch);
  const [camera, teams] = await Promise.all([api.cameras.get(params.id), api.teams.list(enterpriseId)]);
  return { camera, teams: teams.filter((team) => team.active) };
};
