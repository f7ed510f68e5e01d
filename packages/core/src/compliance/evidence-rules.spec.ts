import { describe, expect, it } from 'vitest';
import {
  captureLocationFinding,
  captureTimeFinding,
  haversineMeters,
  reuseFindings,
  ruleFindings,
  videoLengthFinding,
} from './evidence-rules.ts';

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const meeting = { id: 'm1', meetingDate: '2026-11-28', startedAt: at('2026-11-28T07:00:00') };
const limits = { photoMaxMinutesFromStart: 90, photoMaxMeters: 1000, videoMinSeconds: 60, reuse: { phash: 10, dhash: 14 } };
const photo = { id: 'a', kind: 'PHOTO' as const };

describe('photo time', () => {
  it('accepts a photo within the limit, also across midnight for a night meeting', () => {
    expect(captureTimeFinding(photo, at('2026-11-28T08:29:00'), meeting, limits)).toBeNull();
    const night = { id: 'm2', meetingDate: '2026-11-28', startedAt: at('2026-11-28T23:40:00') };
    expect(captureTimeFinding(photo, at('2026-11-29T00:20:00'), night, limits)).toBeNull();
    expect(captureTimeFinding(photo, null, meeting, limits)).toBeNull();
  });

  it('flags a photo of the same day far from the start, with the signed minutes', () => {
    const flag = captureTimeFinding(photo, at('2026-11-28T10:00:00'), meeting, limits);
    expect(flag).toMatchObject({
      kind: 'PHOTO_TIME_FAR_FROM_START',
      key: 'PHOTO_TIME_FAR_FROM_START:a',
      params: { minutes: 180, limitMinutes: 90 },
    });
    expect(captureTimeFinding(photo, at('2026-11-28T05:00:00'), meeting, limits)?.params.minutes).toBe(-120);
  });

  it('flags a photo of another day (Asia/Shanghai) as that, not twice', () => {
    const flag = captureTimeFinding(photo, new Date('2026-11-26T23:00:00Z'), meeting, limits); // 07:00 on the 27th in Beijing
    expect(flag).toMatchObject({
      kind: 'PHOTO_TAKEN_OTHER_DAY',
      params: { capturedDate: '2026-11-27', meetingDate: '2026-11-28', minutes: -1440, mediaKind: 'PHOTO' },
    });
  });
});

describe('rules by kind of file', () => {
  const tianjin = { latitude: 39.0851, longitude: 117.1994 };
  const subject = (kind: 'PHOTO' | 'VIDEO', facts: { capturedAt?: Date; gps?: { latitude: number; longitude: number }; ms?: number }) => ({
    asset: {
      id: 'v',
      kind,
      sha256: null,
      capturedAt: facts.capturedAt ?? null,
      gps: facts.gps ?? null,
      durationMs: facts.ms ?? 120_000,
      photoHashes: null,
    },
    meeting,
    enterpriseLocation: tianjin,
  });

  it('holds a video that recorded its capture time and place to the same rules as a photo', () => {
    // Recorded at 07:42 Beijing time three days after the meeting, 1.2 km away.
    const facts = { capturedAt: at('2026-12-01T07:42:10'), gps: { latitude: 39.0961, longitude: 117.1994 } };
    const video = ruleFindings(subject('VIDEO', facts), limits);
    expect(video.map((f) => f.kind)).toEqual(['PHOTO_TAKEN_OTHER_DAY', 'PHOTO_LOCATION_FAR']);
    expect(video[0]).toMatchObject({ key: 'PHOTO_TAKEN_OTHER_DAY:v', params: { capturedDate: '2026-12-01', mediaKind: 'VIDEO' } });
    expect(video[0]!.detail).toMatch(/^Video taken on 2026-12-01/);
    expect(ruleFindings(subject('PHOTO', facts), limits).map((f) => f.kind)).toEqual(video.map((f) => f.kind));
  });

  it('checks only the length of a video that recorded neither, and never the length of a photo', () => {
    expect(ruleFindings(subject('VIDEO', {}), limits)).toEqual([]);
    expect(ruleFindings(subject('VIDEO', { ms: 5_000 }), limits).map((f) => f.kind)).toEqual(['VIDEO_TOO_SHORT']);
    expect(ruleFindings(subject('PHOTO', { ms: 5_000 }), limits)).toEqual([]);
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
    expect(captureLocationFinding(photo, { latitude: 39.0941, longitude: 117.1994 }, tianjin, limits)).toMatchObject({
      kind: 'PHOTO_LOCATION_FAR',
      params: { meters: 1001, limitMeters: 1000 },
    });
    expect(captureLocationFinding(photo, { latitude: 39.0931, longitude: 117.1994 }, tianjin, limits)).toBeNull();
    expect(captureLocationFinding(photo, null, tianjin, limits)).toBeNull();
    expect(captureLocationFinding(photo, tianjin, null, limits)).toBeNull();
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
