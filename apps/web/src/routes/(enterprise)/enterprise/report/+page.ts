import { ApiError, apiFor } from '$lib/api/client.ts';
import { isDay } from '$lib/format/shanghai-time.ts';
import { loadFormChoices } from '$lib/loaders/meetings.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import { rememberChoices, rememberedChoices } from '$lib/report/offline-cache.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const date = url.searchParams.get('date');
  const preset = { teamId: url.searchParams.get('teamId'), shiftId: url.searchParams.get('shiftId'), date: isDay(date) ? date : null };
  try {
    const choices = await loadFormChoices(apiFor(fetch), enterpriseId);
    rememberChoices(enterpriseId, choices);
    return { ...choices, preset, offline: false };
  } catch (error) {
    // Without a network the teams and shifts from the last visit let the officer write the report anyway.
    const saved = error instanceof ApiError && error.status === 0 ? rememberedChoices(enterpriseId) : null;
    if (!saved) throw error;
    return { ...saved, preset, offline: true };
  }
};
