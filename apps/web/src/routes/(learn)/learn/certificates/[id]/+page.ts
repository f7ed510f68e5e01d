import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({ certificate: await apiFor(fetch).learn.certificate(params.id) });
