import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, url, depends }) => {
  depends('app:course');
  const api = apiFor(fetch);
  const [course, catalogue] = await Promise.all([api.courses.get(params.id), api.courses.list({ pageSize: 200 })]);
  const categories = [...new Set(catalogue.items.map((c) => c.category))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { course, categories, created: url.searchParams.has('created') };
};
