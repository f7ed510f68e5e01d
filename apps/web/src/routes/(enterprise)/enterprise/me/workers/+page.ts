import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

const STATUSES = ['active', 'inactive', 'all'] as const;

export const load: PageLoad = async ({ fetch, parent, url }) => {
  requireOwnEnterprise((await parent()).me);
  const q = url.searchParams.get('q') ?? '';
  const wanted = url.searchParams.get('status');
  const status = STATUSES.find((s) => s === wanted) ?? 'active';
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const workers = await apiFor(fetch).workers.list({ q: q || undefined, status, page, pageSize: 50 });
  return { workers, q, status };
};
