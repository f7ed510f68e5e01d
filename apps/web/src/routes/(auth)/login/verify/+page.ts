import { redirect } from '@sveltejs/kit';
import { apiFor } from '$lib/api/client.ts';
import { pageAfterSignIn } from '$lib/auth/pending-step.ts';
import { currentUser } from '$lib/navigation/guard.ts';
import { safeNextPath } from '$lib/navigation/next-path.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const next = safeNextPath(url.searchParams.get('next'), url.origin);
  const me = await currentUser(apiFor(fetch));
  if (!me) redirect(307, '/login');
  // Nothing to verify (already done, or another step is owed): go where the session stands.
  if (me.pendingStep !== 'MFA') redirect(307, pageAfterSignIn(me, next));
  return { me, next };
};
