import { ApiError, apiFor, type Api } from '$lib/api/client.ts';
import { addDays, isDay, shanghaiDay } from '$lib/format/shanghai-time.ts';
import { loadFormChoices } from '$lib/loaders/meetings.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import { rememberChoices, rememberedChoices } from '$lib/report/offline-cache.ts';
import { openSlot } from '$lib/report/report-defaults.ts';
import type { PageLoad } from './$types';

type Preset = { teamId: string | null; shiftId: string | null; date: string | null };

/** The slot open right now on today's and tomorrow's boards; none offline. */
async function currentSlot(api: Api, enterpriseId: string): Promise<Preset | null> {
  const today = shanghaiDay();
  const days = [today, addDays(today, 1)];
  const boards = await Promise.all(days.map((date) => api.enterprises.board(enterpriseId, date).catch(() => null)));
  return openSlot(
    boards.flatMap((board, i) => (board ? [{ date: days[i]!, entries: board.entries }] : [])),
    new Date(),
  );
}

export const load: PageLoad = async ({ fetch, parent, url }) => {
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const api = apiFor(fetch);
  const date = url.searchParams.get('date');
  const linked: Preset = {
    teamId: url.searchParams.get('teamId'),
    shiftId: url.searchParams.get('shiftId'),
    date: isDay(date) ? date : null,
  };
  try {
    const [choices, open] = await Promise.all([loadFormChoices(api, enterpriseId), linked.teamId ? null : currentSlot(api, enterpriseId)]);
    rememberChoices(enterpriseId, choices);
    // From the board the officer named the slot; from the tab the one being held now is meant.
    return { ...choices, preset: linked.teamId ? linked : (open ?? linked), linked: Boolean(linked.teamId) };
  } catch (error) {
    // Without a network the teams and shifts from the last visit let the officer write the report anyway.
    const saved = error instanceof ApiError && error.status === 0 ? rememberedChoices(enterpriseId) : null;
    if (!saved) throw error;
    return { ...saved, preset: linked, linked: Boolean(linked.teamId) };
  }
};
