import { apiFor } from '$lib/api/client.ts';
import { loadFormChoices, loadOwnMeeting } from '$lib/loaders/meetings.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, params }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const api = apiFor(fetch);
  const [meeting, choices] = await Promise.all([loadOwnMeeting(api, enterpriseId, params.id), loadFormChoices(api, enterpriseId)]);
  return { meeting, ...choices };
};
