import { apiFor } from '$lib/api/client.ts';
import { requireUser } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params }) => {
  const api = apiFor(fetch);
  const me = await requireUser(api, url);
  return { me, meeting: await api.showcase.get(params.id) };
};
