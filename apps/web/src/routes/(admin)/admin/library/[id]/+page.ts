import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, url, depends }) => {
  depends('app:library-resource');
  return { resource: await apiFor(fetch).library.get(params.id), created: url.searchParams.has('created') };
};
