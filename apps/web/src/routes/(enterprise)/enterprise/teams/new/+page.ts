import { apiFor } from '$lib/api/client.ts';
import { loadTeamEditor } from '$lib/loaders/enterprise-setup.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  return { enterpriseId, ...(await loadTeamEditor(apiFor(fetch), enterpriseId, null)) };
};
