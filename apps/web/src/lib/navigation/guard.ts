import { error, redirect } from '@sveltejs/kit';
import type { Me } from '@platform/contracts';
import { ApiError, type Api } from '$lib/api/client.ts';
import { STEP_PAGE } from '$lib/auth/pending-step.ts';
import { loginUrl } from '$lib/api/http.ts';
import { t } from '$lib/i18n/index.ts';
import { forgetOffline, rememberedMe, rememberMe } from '$lib/report/offline-cache.ts';
import { session } from '$lib/session.svelte.ts';
import { LANDING, mayOpenArea, type Area } from './roles.ts';

/**
 * The logged-in user, asking the server once per page load. Returns null when nobody is logged in.
 */
export async function currentUser(api: Api): Promise<Me | null> {
  if (session.checked) return session.user;
  try {
    const me = await api.auth.me();
    session.set(me);
    rememberMe(me);
  } catch (failure) {
    // No network: an officer who was signed in on this phone can still write and queue reports;
    // the server checks the session again when they are sent.
    const offline = failure instanceof ApiError && failure.status === 0 ? rememberedMe() : null;
    if (offline) {
      session.set(offline);
      return offline;
    }
    if (!(failure instanceof ApiError) || failure.status !== 401) throw failure;
    forgetOffline();
    session.set(null, failure.code);
  }
  return session.user;
}

/**
 * For a load function of an audience area: sends anonymous visitors to the login page and
 * people of another role to their own landing page.
 */
export async function requireArea(api: Api, area: Area, url: URL): Promise<Me> {
  const me = await requireUser(api, url);
  if (!mayOpenArea(me.role, area, url.pathname)) redirect(307, LANDING[me.role]);
  return me;
}

/**
 * For pages open to every role (账号安全): the signed-in user, or the login page. A session that
 * still owes a step (second factor, new password) is sent to the page that completes it, unless
 * that is the page asked for.
 */
export async function requireUser(api: Api, url: URL): Promise<Me> {
  const me = await currentUser(api);
  if (!me) redirect(307, loginUrl(url));
  if (me.pendingStep && url.pathname !== STEP_PAGE[me.pendingStep]) redirect(307, STEP_PAGE[me.pendingStep]);
  return me;
}

/** The enterprise of an enterprise user; a 404 page when the account has none. */
export function requireOwnEnterprise(me: Me): string {
  if (!me.enterprise) error(404, { message: t.errors.NOT_FOUND, code: 'NOT_FOUND' });
  return me.enterprise.id;
}
