import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, depends }) => {
  // The list's actions and live.changed events re-run this load.
  depends('app:lives');
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const api = apiFor(fetch);
  const [lives, teams, shifts] = await Promise.all([
    api.lives.list({ pageSize: 50 }),
    api.teams.list(enterpriseId),
    api.shifts.list(enterpriseId),
  ]);
  return { lives: lives.items, teams: teams.filter((team) => team.active), shifts };
};
