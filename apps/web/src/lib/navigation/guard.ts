import { redirect } from '@sveltejs/kit';
import type { Me } from '@platform/contracts';
import { api, ApiError } from '$lib/api/client.ts';
import { loginUrl } from '$lib/api/http.ts';
import { session } from '$lib/session.svelte.ts';
import { AREA_ROLES, LANDING, type Area } from './roles.ts';

/**
 * The logged-in user, asking the server once per page load. Returns null when nobody is logged in.
 */
export async function currentUser(): Promise<Me | null> {
  if (session.checked) return session.user;
  try {
    session.set(await api.auth.me());
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    session.clear();
    session.checked = true;
  }
  return session.user;
}

/**
 * For a load function of an audience area: sends anonymous visitors to the login page and
 * people of another role to their own landing page.
 */
export async function requireArea(area: Area, url: URL): Promise<Me> {
  const me = await currentUser();
  if (!me) redirect(307, loginUrl(url));
  if (!(AREA_ROLES[area] as readonly string[]).includes(me.role)) redirect(307, LANDING[me.role]);
  return me;
}
