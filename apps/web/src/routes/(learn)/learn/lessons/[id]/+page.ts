import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({ lesson: await apiFor(fetch).learn.lesson(params.id) });
