import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => ({
  shifts: await apiFor(fetch).shifts.list(requireOwnEnterprise((await parent()).me)),
});
