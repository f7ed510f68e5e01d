import { apiFor } from '$lib/api/client.ts';
import { loadMeetingHistory } from '$lib/loaders/meetings.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  return loadMeetingHistory(apiFor(fetch), enterpriseId, url);
};
