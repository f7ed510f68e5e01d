import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, depends }) => {
  depends('app:robots');
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  return { enterpriseId, robots: await apiFor(fetch).webhooks.list(enterpriseId) };
};
