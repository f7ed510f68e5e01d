import type { Media, MeetingSummary } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import {
  clockOnDay,
  matchesFilters,
  mediaKey,
  meetingWhen,
  monthDay,
  NO_FILTERS,
  pendingVideo,
  playableVideo,
  stills,
} from './wall-format.ts';

const media = (over: Partial<Media>): Media =>
  ({
    id: 'x',
    kind: 'VIDEO',
    status: 'READY',
    progress: 100,
    hlsUrl: null,
    posterUrl: null,
    imageUrl: null,
    thumbnailUrl: null,
    ...over,
  }) as Media;

describe('matchesFilters', () => {
  const m = {
    zone: { id: 'z1', name: '' },
    industry: { id: 'i1', name: '' },
    enterprise: { id: 'e', name: '', riskLevel: 'RED' as const },
  };
  it('passes everything without filters and checks each filter set', () => {
    expect(matchesFilters(m, NO_FILTERS)).toBe(true);
    expect(matchesFilters(m, { ...NO_FILTERS, zoneId: 'z1', riskLevel: 'RED' })).toBe(true);
    expect(matchesFilters(m, { ...NO_FILTERS, zoneId: 'z2' })).toBe(false);
    expect(matchesFilters(m, { ...NO_FILTERS, industryId: 'i2' })).toBe(false);
    expect(matchesFilters(m, { ...NO_FILTERS, riskLevel: 'BLUE' })).toBe(false);
  });
});

describe('media choice', () => {
  it('plays the first streamable video and shows photos before posters', () => {
    const list = [
      media({ id: 'a', status: 'PROCESSING', hlsUrl: null, posterUrl: '/pa' }),
      media({ id: 'b', status: 'PLAYABLE', hlsUrl: '/b.m3u8', posterUrl: '/pb' }),
      media({ id: 'c', kind: 'PHOTO', imageUrl: '/c.jpg' }),
    ];
    expect(playableVideo(list)?.id).toBe('b');
    expect(stills(list)).toEqual(['/c.jpg', '/pa', '/pb']);
    expect(playableVideo([media({ status: 'READY', hlsUrl: null })])).toBeUndefined();
  });

  it('reports the video still on its way only while none is playable', () => {
    const s = (status: MeetingSummary['media'][number]['status'], id = status) => ({ id, kind: 'VIDEO' as const, status, progress: 40 });
    expect(pendingVideo([s('FAILED'), s('PROCESSING')])?.id).toBe('PROCESSING');
    expect(pendingVideo([s('FAILED')])?.id).toBe('FAILED');
    expect(pendingVideo([s('PROCESSING'), s('READY')])).toBeUndefined();
    expect(pendingVideo([])).toBeUndefined();
  });

  it('changes the media key on playability, not on progress', () => {
    const a = { id: 'a', kind: 'VIDEO' as const, status: 'PROCESSING' as const, progress: 10 };
    expect(mediaKey([a])).toBe(mediaKey([{ ...a, progress: 60 }]));
    expect(mediaKey([a])).not.toBe(mediaKey([{ ...a, status: 'PLAYABLE' }]));
    expect(mediaKey([{ ...a, status: 'PLAYABLE' }])).not.toBe(mediaKey([{ ...a, status: 'READY' }]));
  });
});

describe('meetingWhen', () => {
  it('shows a meeting held the evening before its night shift on the day it was held, and the shift day apart', () => {
    // 23:40 Beijing on 30 November is 15:40 UTC; the shift starts at 00:00 on 1 December.
    expect(meetingWhen({ startedAt: '2026-11-30T15:40:00.000Z', meetingDate: '2026-12-01' })).toEqual({
      heldDay: '11月30日',
      heldTime: '23:40',
      shiftDay: '12月1日',
    });
  });

  it('names no second day when the meeting was held on its shift day, whatever the browser zone', () => {
    // 07:10 Beijing is 23:10 UTC of the day before: the day must come from Beijing time.
    expect(meetingWhen({ startedAt: '2026-11-30T23:10:00.000Z', meetingDate: '2026-12-01' })).toEqual({
      heldDay: '12月1日',
      heldTime: '07:10',
      shiftDay: null,
    });
  });

  it('crosses the year boundary', () => {
    expect(meetingWhen({ startedAt: '2026-12-31T15:50:00+00:00', meetingDate: '2027-01-01' }).shiftDay).toBe('1月1日');
    expect(monthDay('2026-01-09')).toBe('1月9日');
  });
});

describe('clockOnDay', () => {
  it('gives the clock alone on the day, and the day as well before it', () => {
    expect(clockOnDay('2026-11-30T23:30:00.000Z', '2026-12-01')).toBe('07:30');
    expect(clockOnDay('2026-11-30T15:00:00.000Z', '2026-12-01')).toBe('11月30日 23:00');
  });
});
