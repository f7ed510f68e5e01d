import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, parent }) => {
  const api = apiFor(fetch);
  const { me } = await parent();
  // Lock state is for the system and security administrators; only the latter can unlock.
  const seesLocks = me.role === 'ADMIN' || me.role === 'SECURITY_ADMIN';
  const [user, zones, locks] = await Promise.all([
    api.users.get(params.id),
    api.zones.list(),
    seesLocks ? api.users.locks(params.id) : Promise.resolve(null),
  ]);
  return { user, zones, locks, canUnlock: me.role === 'SECURITY_ADMIN' };
};
