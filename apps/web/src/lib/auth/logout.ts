import { goto } from '$app/navigation';
import { api } from '$lib/api/client.ts';
import { forgetOffline } from '$lib/report/offline-cache.ts';
import { session } from '$lib/session.svelte.ts';

/** Ends the session on the server, forgets the user and shows the login page. */
export async function logout(): Promise<void> {
  try {
    await api.auth.logout();
  } catch {
    // Already logged out (expired session) or offline: the cookie is useless either way.
  }
  session.clear();
  forgetOffline();
  await goto('/login', { replaceState: true });
}
