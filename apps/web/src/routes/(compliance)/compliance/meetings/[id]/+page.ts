import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, depends }) => {
  depends('app:meeting');
  return { meeting: await apiFor(fetch).meetings.get(params.id) };
};
