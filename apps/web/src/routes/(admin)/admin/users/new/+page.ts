import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

/** `?enterpriseId=` (from an enterprise's page) pre-selects that enterprise. */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const enterpriseId = url.searchParams.get('enterpriseId');
  const [zones, enterprise] = await Promise.all([
    api.zones.list(),
    enterpriseId ? api.enterprises.get(enterpriseId) : Promise.resolve(null),
  ]);
  return { zones, presetEnterprise: enterprise && { id: enterprise.id, name: enterprise.name } };
};
