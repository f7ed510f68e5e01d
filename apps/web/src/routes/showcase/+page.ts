import { apiFor } from '$lib/api/client.ts';
import { requireUser } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const me = await requireUser(api, url);
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  return { me, result: await api.showcase.list({ page, pageSize: 20 }) };
};
