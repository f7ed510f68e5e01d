// Small pure helpers of the wall: which media a tile can show, and whether a meeting passes the
// operator's filters. Times in Asia/Shanghai come from $lib/format/shanghai-time.ts.
import type { Media, MeetingSummary, RiskLevel } from '@platform/contracts';
import { shanghaiClock, shanghaiDay } from '../../format/shanghai-time.ts';

/** The wall's filters; an empty string means "all". */
export interface WallFilters {
  zoneId: string;
  industryId: string;
  riskLevel: RiskLevel | '';
}

export const NO_FILTERS: WallFilters = { zoneId: '', industryId: '', riskLevel: '' };

/** True when `meeting` belongs on a wall filtered by `filters`. */
export function matchesFilters(meeting: Pick<MeetingSummary, 'zone' | 'industry' | 'enterprise'>, filters: WallFilters): boolean {
  return (
    (!filters.zoneId || meeting.zone.id === filters.zoneId) &&
    (!filters.industryId || meeting.industry.id === filters.industryId) &&
    (!filters.riskLevel || meeting.enterprise.riskLevel === filters.riskLevel)
  );
}

const PLAYABLE: readonly string[] = ['PLAYABLE', 'READY'];

/** The first video that can be streamed now (PLAYABLE already has its first rendition). */
export function playableVideo(media: readonly Media[]): Media | undefined {
  return media.find((m) => m.kind === 'VIDEO' && PLAYABLE.includes(m.status) && m.hlsUrl);
}

/** Pictures a tile can show while no video plays: photos first, then video posters. */
export function stills(media: readonly Media[]): string[] {
  const photos = media.filter((m) => m.kind === 'PHOTO').map((m) => m.imageUrl ?? m.thumbnailUrl);
  const posters = media.filter((m) => m.kind === 'VIDEO').map((m) => m.posterUrl);
  return [...photos, ...posters].filter((url): url is string => !!url);
}

/** The video still on its way (uploading, processing or failed), if no video is playable yet. */
export function pendingVideo(media: MeetingSummary['media']): MeetingSummary['media'][number] | undefined {
  const videos = media.filter((m) => m.kind === 'VIDEO');
  if (videos.some((m) => PLAYABLE.includes(m.status))) return undefined;
  return videos.find((m) => m.status !== 'FAILED') ?? videos[0];
}

/**
 * A key that changes when the meeting's media change in a way that needs fresh signed links
 * (a video became playable or finished, a file was added), and not on every progress tick.
 */
export function mediaKey(media: MeetingSummary['media']): string {
  return media
    .map((m) => `${m.id}:${PLAYABLE.includes(m.status) ? 'P' : m.status === 'FAILED' ? 'F' : '-'}${m.status === 'READY' ? 'R' : ''}`)
    .join(',');
}

/** "11月30日" of a day written YYYY-MM-DD. */
export function monthDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/**
 * When a meeting was held, in Beijing time, and the day of the shift it was for when that is
 * another day: a 23:40 meeting on the 30th for the 00:00 shift of the 1st was held on the 30th,
 * and showing only the shift's day (as the wall once did) puts it a day late.
 */
export function meetingWhen(meeting: Pick<MeetingSummary, 'startedAt' | 'meetingDate'>): {
  heldDay: string;
  heldTime: string;
  shiftDay: string | null;
} {
  const held = new Date(meeting.startedAt);
  const day = shanghaiDay(held);
  return {
    heldDay: monthDay(day),
    heldTime: shanghaiClock(meeting.startedAt),
    shiftDay: day === meeting.meetingDate ? null : monthDay(meeting.meetingDate),
  };
}

/** "23:00" when the instant falls on `day` (Beijing), else "11月30日 23:00": a night shift's window opens the evening before. */
export function clockOnDay(iso: string, day: string): string {
  const at = new Date(iso);
  const clock = shanghaiClock(iso);
  return shanghaiDay(at) === day ? clock : `${monthDay(shanghaiDay(at))} ${clock}`;
}
