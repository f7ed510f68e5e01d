import type { Board } from '@platform/contracts';
import { apiFor } from '$lib/api/client.ts';
import { describeError } from '$lib/api/describe-error.ts';
import { isDay, shanghaiDay } from '$lib/format/shanghai-time.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url, depends }) => {
  // Events and the clock (states move from UPCOMING to DUE to MISSING) re-run this load.
  depends('app:board');
  const { me } = await parent();
  const today = shanghaiDay();
  const requested = url.searchParams.get('date');
  const date = isDay(requested) ? requested : today;
  // An officer account not yet attached to an enterprise has no board.
  if (!me.enterprise) return { enterprise: null, board: null, boardError: null, date, today };
  // A board that fails to load (a server error) is said on the page rather than as an error page.
  const board = await apiFor(fetch)
    .enterprises.board(me.enterprise.id, date)
    .then(
      (b): { board: Board | null; boardError: string | null } => ({ board: b, boardError: null }),
      (error: unknown) => ({ board: null, boardError: describeError(error) }),
    );
  return { enterprise: me.enterprise, ...board, date, today };
};
