import { apiFor } from '$lib/api/client.ts';
import { ACTION_GROUPS } from '$lib/components/audit/action-groups.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const groupParam = url.searchParams.get('action') ?? '';
  const action = (ACTION_GROUPS as string[]).includes(groupParam) ? groupParam : '';
  const pageNumber = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1));
  const result = await api.audit.list({ action: action ? `${action}.` : undefined, page: pageNumber, pageSize: 50 });
  return { action, result };
};
