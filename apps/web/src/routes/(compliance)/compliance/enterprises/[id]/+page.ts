import { apiFor } from '$lib/api/client.ts';
import { loadSetup } from '$lib/loaders/enterprise-setup.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  const [enterprise, setup] = await Promise.all([api.enterprises.get(params.id), loadSetup(api, params.id)]);
  return { enterprise, ...setup };
};
