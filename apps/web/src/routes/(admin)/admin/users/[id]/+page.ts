import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  const [user, zones] = await Promise.all([api.users.get(params.id), api.zones.list()]);
  return { user, zones };
};
