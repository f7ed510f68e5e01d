import { apiFor } from '$lib/api/client.ts';
import { loadReviewList } from '$lib/loaders/review-list.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => loadReviewList(apiFor(fetch), url);
