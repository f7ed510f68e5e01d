import { error } from '@sveltejs/kit';
import type { Meeting, Shift, Team } from '@platform/contracts';
import type { Api } from '$lib/api/client.ts';
import { t } from '$lib/i18n/index.ts';

/** What the report form needs: the enterprise's active teams (with rosters) and shifts. */
export async function loadFormChoices(api: Api, enterpriseId: string): Promise<{ teams: Team[]; shifts: Shift[] }> {
  const [teams, shifts] = await Promise.all([api.teams.list(enterpriseId), api.shifts.list(enterpriseId)]);
  return { teams: teams.filter((tm) => tm.active), shifts: shifts.filter((s) => s.active) };
}

/** One meeting of the user's own enterprise; a 404 page otherwise (the API scopes it too). */
export async function loadOwnMeeting(api: Api, enterpriseId: string, id: string): Promise<Meeting> {
  const meeting = await api.meetings.get(id);
  if (meeting.enterprise.id !== enterpriseId) error(404, { message: t.errors.NOT_FOUND, code: 'NOT_FOUND' });
  return meeting;
}

/** The history filters as they appear in the page URL (`?from=&to=&teamId=&timeliness=&page=`). */
export interface MeetingFilters {
  from: string;
  to: string;
  teamId: string;
  timeliness: 'ON_TIME' | 'LATE' | '';
  page: number;
}

const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

/** Filters from the URL; malformed values are dropped rather than sent (the API would answer 400). */
export function meetingFiltersFromUrl(url: URL): MeetingFilters {
  const p = url.searchParams;
  const timeliness = p.get('timeliness');
  const page = Number(p.get('page'));
  return {
    from: day(p.get('from')),
    to: day(p.get('to')),
    teamId: p.get('teamId') ?? '',
    timeliness: timeliness === 'ON_TIME' || timeliness === 'LATE' ? timeliness : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL query for `filters`, leaving out what is not set (and page 1). */
export function meetingFiltersToQuery(filters: MeetingFilters): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'teamId', 'timeliness'] as const) if (filters[key]) params.set(key, filters[key]);
  if (filters.page > 1) params.set('page', String(filters.page));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** One page of the enterprise's meetings, newest first, and its teams for the filter. */
export async function loadMeetingHistory(api: Api, enterpriseId: string, url: URL, pageSize = 20) {
  const filters = meetingFiltersFromUrl(url);
  const [result, teams] = await Promise.all([
    api.meetings.list({
      from: filters.from || undefined,
      to: filters.to || undefined,
      teamId: filters.teamId || undefined,
      timeliness: filters.timeliness || undefined,
      page: filters.page,
      pageSize,
    }),
    api.teams.list(enterpriseId),
  ]);
  return { filters, result, teams };
}
