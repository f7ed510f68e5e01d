import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, depends }) => {
  depends('app:courses');
  const api = apiFor(fetch);
  const p = url.searchParams;
  const statusParam = p.get('status');
  const status: '' | 'published' | 'draft' = statusParam === 'published' || statusParam === 'draft' ? statusParam : '';
  const filters = { q: p.get('q') ?? '', category: p.get('category') ?? '', status };
  const page = Math.max(1, Math.floor(Number(p.get('page')) || 1));
  const [result, all] = await Promise.all([
    api.courses.list({
      q: filters.q || undefined,
      category: filters.category || undefined,
      published: filters.status === '' ? undefined : filters.status === 'published' ? 'true' : 'false',
      page,
      pageSize: 25,
    }),
    // The categories in use, for the filter and the form's suggestions (a catalogue is tens of courses).
    api.courses.list({ pageSize: 200 }),
  ]);
  const categories = [...new Set(all.items.map((course) => course.category))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { filters, result, categories };
};
