import { apiFor } from '$lib/api/client.ts';
import { requireOwnEnterprise } from '$lib/navigation/guard.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url, depends }) => {
  depends('app:enrolments');
  const enterpriseId = requireOwnEnterprise((await parent()).me);
  const api = apiFor(fetch);
  const [courses, teams, workers] = await Promise.all([
    api.enrolments.courses(),
    api.teams.list(enterpriseId),
    api.workers.list({ status: 'active', pageSize: 200 }),
  ]);
  const courseId = courses.find((c) => c.id === url.searchParams.get('course'))?.id ?? null;
  const enrolments = courseId ? await api.enrolments.list({ courseId, pageSize: 200 }) : null;
  return { courses, teams: teams.filter((team) => team.active), workers: workers.items, courseId, enrolments };
};
