import { apiFor } from '$lib/api/client.ts';
import { loadSetup } from '$lib/loaders/enterprise-setup.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => loadSetup(apiFor(fetch), requireOwnEnterprise((await parent()).me));
