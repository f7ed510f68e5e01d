import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const api = apiFor(fetch);
  const [zones, industries] = await Promise.all([api.zones.list(), api.industries.list()]);
  return { zones, industries };
};
