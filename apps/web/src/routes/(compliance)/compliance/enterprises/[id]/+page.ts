import { apiFor } from '$lib/api/client.ts';
import { loadSetup } from '$lib/loaders/enterprise-setup.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  const [enterprise, setup, history] = await Promise.all([
    api.enterprises.get(params.id),
    loadSetup(api, params.id),
    api.meetings.list({ enterpriseId: params.id, sort: 'meetingDate', pageSize: 20 }),
  ]);
  return { enterprise, ...setup, history };
};
