/** When and where a recording was made, as its container says; each part null when unknown. */
export interface CaptureFacts {
  /** The capture instant (UTC). */
  capturedAt: Date | null;
  /** The recorder's UTC offset, e.g. "+08:00"; null when the file gives only a UTC time. */
  capturedOffset: string | null;
  latitude: number | null;
  longitude: number | null;
}

// Phones whose clock was never set write the container's epoch (1904), Unix's (1970) or GPS's
// (1980); no recording handed in here was made before this.
const EARLIEST = Date.UTC(2000, 0, 1);
// Phone clocks drift by seconds to minutes. A time further ahead than this is a clock set wrong
// (or local time written as UTC), and would make the evidence checks report a false finding.
const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/** QuickTime keys iPhones write, and browsers copy when they compress a recording before upload. */
const APPLE_CREATION_DATE = 'com.apple.quicktime.creationdate';
const APPLE_LOCATION = 'com.apple.quicktime.location.iso6709';

/**
 * Capture time and place from ffprobe's format tags. The time comes from the QuickTime creation
 * date when it carries an offset (iPhone, browser-compressed uploads), else from the movie header's
 * `creation_time` (Android; UTC, so no offset); values of an unset clock or from more than an
 * hour after `now` are dropped. The place is an ISO 6709 string from the QuickTime key or the
 * `©xyz` atom (`location`, `location-eng`). Pure.
 */
export function parseCaptureTags(tags: Record<string, string>, now: Date): CaptureFacts {
  const byKey = new Map(Object.entries(tags).map(([key, value]) => [key.toLowerCase(), value]));
  const plausible = (t: { at: Date; offset: string | null } | null) =>
    t && t.at.getTime() >= EARLIEST && t.at.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS ? t : null;
  const apple = plausible(parseIsoTime(byKey.get(APPLE_CREATION_DATE), { requireOffset: true }));
  const time = apple ?? plausible(parseIsoTime(byKey.get('creation_time'), { requireOffset: false }));
  const locationKeys = [APPLE_LOCATION, 'location', ...[...byKey.keys()].filter((k) => /^location-[a-z]{3}$/.test(k))];
  const place = locationKeys.map((key) => parseIso6709(byKey.get(key))).find((p) => p !== null) ?? null;
  return {
    capturedAt: time?.at ?? null,
    // creation_time is UTC by definition: that says nothing about where the recorder's clock was.
    capturedOffset: apple?.offset ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
  };
}

/**
 * "2026-12-01T07:42:10+08:00", "…+0800", "…Z", "2026-12-01 07:42:10.000000Z" (older ffmpeg prints
 * a space) → the instant, and the offset as "+08:00" ("Z" is "+00:00"; null without a zone).
 * Without a zone the time is read as UTC, unless `requireOffset`, which then refuses it. Pure.
 */
export function parseIsoTime(value: string | undefined, options: { requireOffset: boolean }): { at: Date; offset: string | null } | null {
  const m = value?.trim().match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):?(\d{2})?)?$/i);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const zone = m[8];
  if (!zone && options.requireOffset) return null;
  const sign = m[9] === '-' ? -1 : 1;
  const offsetMinutes = m[10] ? sign * (Number(m[10]) * 60 + Number(m[11] ?? 0)) : 0;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Math.round(Number(m[7] ?? 0) * 1000));
  // Date.UTC carries 31 November into December; a field out of range is a damaged tag, not a date.
  const fields = new Date(local);
  const valid =
    fields.getUTCMonth() === month - 1 &&
    fields.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    Math.abs(offsetMinutes) <= 14 * 60;
  if (!valid) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = zone
    ? `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
    : null;
  return { at: new Date(local - offsetMinutes * 60_000), offset };
}

/**
 * ISO 6709 decimal degrees as phones write them, "+39.0842+117.2009/" or with an altitude
 * "+39.0842+117.2009+012.345/", → latitude and longitude. Out of range, degree-minute forms we do
 * not read, and exactly 0,0 (what some phones write without a fix) give null. Pure.
 */
export function parseIso6709(value: string | undefined): { latitude: number; longitude: number } | null {
  const m = value?.trim().match(/^([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)(?:[+-]\d+(?:\.\d+)?)?(?:CRS[^/]*)?\/?$/);
  if (!m) return null;
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0)) return null;
  return { latitude, longitude };
}
