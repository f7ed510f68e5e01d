import { error } from '@sveltejs/kit';
import type { Shift, Team } from '@platform/contracts';
import type { Api } from '$lib/api/client.ts';
import { t } from '$lib/i18n/index.ts';

/** Teams and shifts of one enterprise, for its overview. */
export async function loadSetup(api: Api, enterpriseId: string): Promise<{ teams: Team[]; shifts: Shift[] }> {
  const [teams, shifts] = await Promise.all([api.teams.list(enterpriseId), api.shifts.list(enterpriseId)]);
  return { teams, shifts };
}

/** What the team form needs: the enterprise's shifts to pick from, and the team when editing. */
export async function loadTeamEditor(
  api: Api,
  enterpriseId: string,
  teamId: string | null,
): Promise<{ shifts: Shift[]; team: Team | null }> {
  const [shifts, team] = await Promise.all([api.shifts.list(enterpriseId), teamId ? api.teams.get(teamId) : Promise.resolve(null)]);
  if (team && team.enterpriseId !== enterpriseId) error(404, { message: t.errors.NOT_FOUND, code: 'NOT_FOUND' });
  return { shifts, team };
}

/** One shift of an enterprise (the API has no single-shift read, so it is picked from the list). */
export async function loadShift(api: Api, enterpriseId: string, shiftId: string): Promise<Shift> {
  const shift = (await api.shifts.list(enterpriseId)).find((s) => s.id === shiftId);
  if (!shift) error(404, { message: t.errors.NOT_FOUND, code: 'NOT_FOUND' });
  return shift;
}
