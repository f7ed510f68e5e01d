// What the wall needs before its first frame, started from the route's load function so it runs
// while the session is still being checked and the page's code is still arriving: the saved
// settings, today's meetings, the details (signed links) of the meetings the first tiles will
// show, and the hls.js player.
import type { Meeting, MeetingSummary, Page } from '@platform/contracts';
import { api } from '$lib/api/client.ts';
import { loadHls, mediaSourceSupported } from '$lib/components/player/hls-loader.ts';
import { shanghaiDay } from '$lib/format/shanghai-time.ts';
import { NO_FILTERS, type WallFilters } from './wall-format.ts';
import { DWELL_CHOICES, WALL_LAYOUTS, type WallLayout } from './wall-queue.ts';

/** The API's largest page: today's newest meetings, more than a 16-tile wall cycles through. */
export const INITIAL_PAGE = 200;
const SETTINGS_KEY = 'wall.settings';

export interface WallSettings {
  layout: WallLayout;
  dwellSeconds: number;
  filters: WallFilters;
}

/** Layout, dwell and filters survive a reload of the screen (a TV restarted overnight). */
export function readSettings(): WallSettings {
  const fallback: WallSettings = { layout: 4, dwellSeconds: 30, filters: { ...NO_FILTERS } };
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as Partial<WallSettings> | null;
    if (!saved) return fallback;
    return {
      layout: WALL_LAYOUTS.includes(saved.layout as WallLayout) ? (saved.layout as WallLayout) : fallback.layout,
      dwellSeconds: DWELL_CHOICES.includes(saved.dwellSeconds as number) ? (saved.dwellSeconds as number) : fallback.dwellSeconds,
      filters: { ...NO_FILTERS, ...saved.filters },
    };
  } catch {
    return fallback; // Storage disabled or a corrupt value: start with the defaults.
  }
}

export function saveSettings(settings: WallSettings): void {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Not saved (private mode); the wall still works for this session.
  }
}

/** The query of the meeting list and the counts for `filters` ("all" leaves a key out). */
export function filterQuery(filters: WallFilters) {
  return { zoneId: filters.zoneId || undefined, industryId: filters.industryId || undefined, riskLevel: filters.riskLevel || undefined };
}

/** Today's meetings for `filters`, newest first. */
export function listToday(filters: WallFilters): Promise<Page<MeetingSummary>> {
  const day = shanghaiDay();
  return api.meetings.list({ from: day, to: day, ...filterQuery(filters), page: 1, pageSize: INITIAL_PAGE });
}

/** Requests already on their way when the wall starts; it takes them instead of asking again. */
export interface WallPreload {
  settings: WallSettings;
  page: Promise<Page<MeetingSummary>>;
  /** Details of the first meetings of the list, by id, as promises. */
  details: Promise<Map<string, Promise<Meeting>>>;
  at: number;
}

/**
 * Starts the wall's first requests at once. The list is newest first and tiles are filled in
 * that order, so the details of its first `layout` meetings are the ones the tiles will ask for.
 */
export function preloadWall(): WallPreload {
  const settings = readSettings();
  if (mediaSourceSupported()) void loadHls().catch(() => undefined);
  const page = listToday(settings.filters);
  // Not the playlists as well: measured, hls.js (already downloaded by then) asks for them at
  // the same moment, so a prefetch only doubles the requests.
  const details = page.then((p) => new Map(p.items.slice(0, settings.layout).map((m) => [m.id, api.meetings.get(m.id)] as const)));
  details.catch(() => undefined);
  return { settings, page, details, at: Date.now() };
}
