import { apiFor } from '$lib/api/client.ts';
import { requireArea } from '$lib/navigation/guard.ts';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ fetch, url }) => ({ me: await requireArea(apiFor(fetch), 'training', url) });
