import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, params }) => {
  requireOwnEnterprise((await parent()).me);
  return { worker: await apiFor(fetch).workers.get(params.id) };
};
