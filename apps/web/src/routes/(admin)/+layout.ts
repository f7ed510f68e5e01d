import { apiFor } from '$lib/api/client.ts';
import { redirect } from '@sveltejs/kit';
import { requireArea } from '$lib/navigation/guard.ts';
import { LANDING, mayOpenAdminPage } from '$lib/navigation/roles.ts';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ fetch, url }) => {
  const me = await requireArea(apiFor(fetch), 'admin', url);
  // Each administrator sees only the pages of their own duties; the others send them home.
  if (!mayOpenAdminPage(me.role, url.pathname)) redirect(307, LANDING[me.role]);
  return { me };
};
