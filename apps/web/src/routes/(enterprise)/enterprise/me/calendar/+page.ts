import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => ({ enterpriseId: requireOwnEnterprise((await parent()).me) });
