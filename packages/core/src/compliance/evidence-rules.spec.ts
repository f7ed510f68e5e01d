import { describe, expect, it } from 'vitest';
import { haversineMeters, photoLocationFinding, photoTimeFinding, reuseFindings, videoLengthFinding } from './evidence-rules.ts';

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const meeting = { id: 'm1', meetingDate: '2026-11-28', startedAt: at('2026-11-28T07:00:00') };
const limits = { photoMaxMinutesFromStart: 90, photoMaxMeters: 1000, videoMinSeconds: 60 };

describe('photo time', () => {
  it('accepts a photo within the limit, also across midnight for a night meeting', () => {
    expect(photoTimeFinding('a', at('2026-11-28T08:29:00'), meeting, limits)).toBeNull();
    const night = { id: 'm2', meetingDate: '2026-11-28', startedAt: at('2026-11-28T23:40:00') };
    expect(photoTimeFinding('a', at('2026-11-29T00:20:00'), night, limits)).toBeNull();
    expect(photoTimeFinding('a', null, meeting, limits)).toBeNull();
  });

  it('flags a photo of the same day far from the start, with the signed minutes', () => {
    const flag = photoTimeFinding('a', at('2026-11-28T10:00:00'), meeting, limits);
    expect(flag).toMatchObject({
      kind: 'PHOTO_TIME_FAR_FROM_START',
      key: 'PHOTO_TIME_FAR_FROM_START:a',
      params: { minutes: 180, limitMinutes: 90 },
    });
    expect(photoTimeFinding('a', at('2026-11-28T05:00:00'), meeting, limits)?.params.minutes).toBe(-120);
  });

  it('flags a photo of another day (Asia/Shanghai) as that, not twice', () => {
    const flag = photoTimeFinding('a', new Date('2026-11-26T23:00:00Z'), meeting, limits); // 07:00 on the 27th in Beijing
    expect(flag).toMatchObject({
      kind: 'PHOTO_TAKEN_OTHER_DAY',
      params: { capturedDate: '2026-11-27', meetingDate: '2026-11-28', minutes: -1440 },
    });
  });
});

describe('photo location', () => {
  const tianjin = { latitude: 39.0851, longitude: 117.1994 };
  it('measures great-circle distance', () => {
    expect(haversineMeters(tianjin, { latitude: 39.9042, longitude: 116.4074 })).toBeGreaterThan(110_000);
    expect(haversineMeters(tianjin, { latitude: 39.9042, longitude: 116.4074 })).toBeLessThan(115_000);
    expect(Math.round(haversineMeters(tianjin, { latitude: 39.0941, longitude: 117.1994 }))).toBe(1001);
  });

  it('flags beyond the limit and skips unknown places', () => {
    expect(photoLocationFinding('a', { latitude: 39.0941, longitude: 117.1994 }, tianjin, limits)).toMatchObject({
      kind: 'PHOTO_LOCATION_FAR',
      params: { meters: 1001, limitMeters: 1000 },
    });
    expect(photoLocationFinding('a', { latitude: 39.0931, longitude: 117.1994 }, tianjin, limits)).toBeNull();
    expect(photoLocationFinding('a', null, tianjin, limits)).toBeNull();
    expect(photoLocationFinding('a', tianjin, null, limits)).toBeNull();
  });
});

describe('video length', () => {
  it('flags a video shorter than the minimum', () => {
    expect(videoLengthFinding('v', 12_340, limits)).toMatchObject({ kind: 'VIDEO_TOO_SHORT', params: { seconds: 12.3, minSeconds: 60 } });
    expect(videoLengthFinding('v', 60_000, limits)).toBeNull();
    expect(videoLengthFinding('v', null, limits)).toBeNull();
  });
});

describe('reuse findings', () => {
  it('keys one flag per related asset, identical and closest first, at most five', () => {
    const hits = Array.from({ length: 7 }, (_, i) => ({
      assetId: `r${i}`,
      meetingId: `m${i}`,
      identical: i === 6,
      phash: 10 - i,
      dhash: 4,
    }));
    const flags = reuseFindings('a', 'PHOTO', hits);
    expect(flags).toHaveLength(5);
    expect(flags[0]).toMatchObject({ kind: 'PHOTO_REUSED', key: 'PHOTO_REUSED:a:r6', relatedMeetingId: 'm6', params: { identical: true } });
    expect(flags[1]).toMatchObject({ relatedAssetId: 'r5', params: { distance: 5, dhashDistance: 4 } });
    expect(reuseFindings('v', 'VIDEO', hits.slice(6))[0]).toMatchObject({ kind: 'VIDEO_REUSED', key: 'VIDEO_REUSED:v:r6' });
  });
});
