import { apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

// Opening the quiz starts an attempt, or resumes the open one (the server never redraws it).
export const load: PageLoad = async ({ fetch, params }) => ({ attempt: await apiFor(fetch).learn.startQuiz(params.id) });
