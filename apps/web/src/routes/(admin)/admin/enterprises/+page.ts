import { apiFor } from '$lib/api/client.ts';
import { loadEnterpriseList } from '$lib/loaders/enterprise-list.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) => loadEnterpriseList(apiFor(fetch), url, 25);
