import { redirect } from '@sveltejs/kit';
import { ApiError, apiFor } from '$lib/api/client.ts';
import { endedNotice } from '$lib/auth/session-ended.ts';
import { currentUser } from '$lib/navigation/guard.ts';
import { safeNextPath } from '$lib/navigation/next-path.ts';
import { pageAfterSignIn } from '$lib/auth/pending-step.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const next = safeNextPath(url.searchParams.get('next'), url.origin);
  // Someone who is still logged in has nothing to do here. Offline (the app opened from the service
  // worker's cache) nobody can be asked: show the form, whose submit then says the network is down.
  const me = await currentUser(apiFor(fetch)).catch((failure: unknown) => {
    if (failure instanceof ApiError && failure.code === 'NETWORK') return null;
    throw failure;
  });
  if (me) redirect(307, pageAfterSignIn(me, next));
  // Why the last session ended (a login elsewhere, a password change…), in words; null on a plain visit.
  return { next, ended: endedNotice(url.searchParams.get('ended')) };
};
