import { apiFor } from '$lib/api/client.ts';
import { loadOwnMeeting } from '$lib/loaders/meetings.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, params, depends }) => {
  depends('app:meeting');
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  return { meeting: await loadOwnMeeting(apiFor(fetch), enterpriseId, params.id) };
};
