import { apiFor } from '$lib/api/client.ts';
import { loadShift } from '$lib/loaders/enterprise-setup.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
  enterpriseId: params.id,
  shift: await loadShift(apiFor(fetch), params.id, params.shiftId),
});
