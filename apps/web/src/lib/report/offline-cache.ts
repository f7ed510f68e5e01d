import type { Me, Shift, Team } from '@platform/contracts';

// The last answers the report page needs, kept so that a page opened without a network (from the
// service worker's cache) can still compose a report: who is signed in, and the enterprise's
// teams and shifts. Only enterprise officers' data is kept, and it is forgotten at logout.

const ME_KEY = 'platform.offline.me.v1';
const CHOICES_KEY = 'platform.offline.choices.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the page then needs the network, as before.
  }
}

export function rememberMe(me: Me): void {
  if (me.role === 'ENTERPRISE_OFFICER' && !me.pendingStep) write(ME_KEY, me);
}

export function rememberedMe(): Me | null {
  return read<Me>(ME_KEY);
}

export function rememberChoices(enterpriseId: string, choices: { teams: Team[]; shifts: Shift[] }): void {
  write(CHOICES_KEY, { enterpriseId, ...choices });
}

export function rememberedChoices(enterpriseId: string): { teams: Team[]; shifts: Shift[] } | null {
  const saved = read<{ enterpriseId: string; teams: Team[]; shifts: Shift[] }>(CHOICES_KEY);
  return saved?.enterpriseId === enterpriseId ? { teams: saved.teams, shifts: saved.shifts } : null;
}

/** At logout or when the session ended: nothing of this user stays readable. */
export function forgetOffline(): void {
  storage()?.removeItem(ME_KEY);
  storage()?.removeItem(CHOICES_KEY);
}
