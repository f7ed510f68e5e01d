import type { Role } from '@platform/contracts';
import { apiFor } from '$lib/api/client.ts';
import { ALL_ROLES } from '$lib/navigation/roles.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const p = url.searchParams;
  const roleParam = p.get('role') ?? '';
  const role: Role | '' = (ALL_ROLES as readonly string[]).includes(roleParam) ? (roleParam as Role) : '';
  const pageNumber = Math.max(1, Math.floor(Number(p.get('page')) || 1));
  const enterpriseId = p.get('enterpriseId') || undefined;
  const filters = { q: p.get('q') ?? '', role };
  const [result, enterprise] = await Promise.all([
    api.users.list({ q: filters.q || undefined, role: role || undefined, enterpriseId, page: pageNumber, pageSize: 25 }),
    enterpriseId ? api.enterprises.get(enterpriseId) : Promise.resolve(null),
  ]);
  return { filters, result, enterprise: enterprise && { id: enterprise.id, name: enterprise.name } };
};
