import { apiFor } from '$lib/api/client.ts';
import { loadSetup } from '$lib/loaders/enterprise-setup.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const { me } = await parent();
  // An officer account not yet attached to an enterprise has nothing to show but the menu.
  return me.enterprise ? { enterprise: me.enterprise, ...(await loadSetup(apiFor(fetch), me.enterprise.id)) } : { enterprise: null, teams: [], shifts: [] };
};
