import { apiFor } from '$lib/api/client.ts';
import { loadSetup } from '$lib/loaders/enterprise-setup.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  const [enterprise, zones, industries, setup] = await Promise.all([
    api.enterprises.get(params.id),
    api.zones.list(),
    api.industries.list(),
    loadSetup(api, params.id),
  ]);
  return { enterprise, zones, industries, ...setup };
};
