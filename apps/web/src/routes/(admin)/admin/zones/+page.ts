import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
  const api = apiFor(fetch);
  depends('app:zones');
  return { zones: await api.zones.list() };
};
