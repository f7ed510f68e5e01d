import { redirect } from '@sveltejs/kit';
import { apiFor } from '$lib/api/client.ts';
import { loginUrl } from '$lib/api/http.ts';
import { currentUser } from '$lib/navigation/guard.ts';
import { LANDING } from '$lib/navigation/roles.ts';
import type { PageLoad } from './$types';

/** `/` has no page of its own: each role starts on its own landing page. */
export const load: PageLoad = async ({ fetch, url }) => {
  const me = await currentUser(apiFor(fetch));
  redirect(307, me ? LANDING[me.role] : loginUrl(url));
};
