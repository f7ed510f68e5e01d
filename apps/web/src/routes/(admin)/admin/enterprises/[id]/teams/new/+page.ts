import { apiFor } from '$lib/api/client.ts';
import { loadTeamEditor } from '$lib/loaders/enterprise-setup.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
  enterpriseId: params.id,
  ...(await loadTeamEditor(apiFor(fetch), params.id, null)),
});
