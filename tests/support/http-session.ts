// For runners that talk to a running API over plain HTTP (the fault runs, the benchmarks): a
// password login's session cookie, and a meeting reported by a demo officer on a team of its own.
import type { Me, Meeting, Shift, Team } from '@platform/contracts';

/** Logs `username` in with `password` (no second factor) and returns the session cookie; throws unless 2xx. */
export async function passwordLogin(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

/** A logged-in client that calls the API with JSON and throws unless 2xx. */
export interface JsonCaller {
  json<T = unknown>(method: string, url: string, body?: unknown): Promise<T>;
}

/**
 * Reports a meeting on a new team (named `label`) of the officer's enterprise, on its first shift;
 * returns the meeting's id. Teams are added because a demo enterprise has only a few team × shift
 * slots a day. `meetingDate` defaults to today in Shanghai when the meeting is posted.
 */
export async function reportMeetingOnNewTeam(officer: JsonCaller, label: string, meetingDate?: string): Promise<string> {
  const me = await officer.json<Me>('GET', '/api/auth/me');
  const enterpriseId = me.enterprise!.id;
  const shifts = await officer.json<Shift[]>('GET', `/api/enterprises/${enterpriseId}/shifts`);
  const team = await officer.json<Team>('POST', `/api/enterprises/${enterpriseId}/teams`, {
    name: label,
    leaderName: '班长',
    shiftIds: [shifts[0]!.id],
    members: [{ name: '张三' }, { name: '李四' }],
  });
  const meeting = await officer.json<Meeting>('POST', '/api/meetings', {
    teamId: team.id,
    shiftId: shifts[0]!.id,
    meetingDate: meetingDate ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    hostName: '班长',
    taskBriefing: '装卸作业',
    safetyBriefing: '注意车辆',
    measureBriefing: '设警戒区',
    attireChecked: true,
    mentalChecked: true,
    ppeChecked: true,
    attendance: team.members.map((m) => ({ teamMemberId: m.id, present: true })),
    hazards: ['车辆伤害'],
  });
  return meeting.id;
}
