import type { Board } from '@platform/contracts';
import { apiFor } from '$lib/api/client.ts';
import { describeError } from '$lib/api/describe-error.ts';
import { isDay, shanghaiDay } from '$lib/format/shanghai-time.ts';
import { loadSetup } from '$lib/loaders/enterprise-setup.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url, depends }) => {
  // Events and the clock (states move from UPCOMING to DUE to MISSING) re-run this load.
  depends('app:board');
  const { me } = await parent();
  const today = shanghaiDay();
  const requested = url.searchParams.get('date');
  const date = isDay(requested) ? requested : today;
  // An officer account not yet attached to an enterprise has nothing to show but the menu.
  if (!me.enterprise) return { enterprise: null, teams: [], shifts: [], board: null, boardError: null, date, today };
  const api = apiFor(fetch);
  // The board failing (a server error) must not hide the team and shift management below it.
  const [setup, board] = await Promise.all([
    loadSetup(api, me.enterprise.id),
    api.enterprises.board(me.enterprise.id, date).then(
      (b): { board: Board | null; boardError: string | null } => ({ board: b, boardError: null }),
      (error: unknown) => ({ board: null, boardError: describeError(error) }),
    ),
  ]);
  return { enterprise: me.enterprise, ...setup, ...board, date, today };
};
