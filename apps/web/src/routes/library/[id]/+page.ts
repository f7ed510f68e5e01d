import { apiFor } from '$lib/api/client.ts';
import { requireUser } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, depends }) => {
  depends('app:library-item');
  const api = apiFor(fetch);
  const me = await requireUser(api, url);
  return { me, resource: await api.library.get(params.id) };
};
