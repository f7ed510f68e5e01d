import { apiFor } from '$lib/api/client.ts';
import { requireUser } from '$lib/navigation/guard.ts';
import { safeNextPath } from '$lib/navigation/next-path.ts';

/** Load of a 账号安全 page: the signed-in user (any role) and where to go when done. */
export async function loadAccountPage({ fetch, url }: { fetch: typeof globalThis.fetch; url: URL }) {
  const me = await requireUser(apiFor(fetch), url);
  return { me, next: safeNextPath(url.searchParams.get('next'), url.origin) };
}
