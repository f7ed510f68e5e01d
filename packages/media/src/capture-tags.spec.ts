import { describe, expect, it } from 'vitest';
import { parseCaptureTags, parseIso6709, parseIsoTime } from './capture-tags.ts';

const now = new Date('2026-12-01T12:00:00Z');

describe('parseCaptureTags', () => {
  it('reads an iPhone or browser-compressed file: the QuickTime creation date with its offset, and the place', () => {
    // As ffprobe prints the mdta keys of a file written with `use_metadata_tags`.
    const tags = {
      major_brand: 'isom',
      'com.apple.quicktime.location.ISO6709': '+39.0842+117.2009/',
      'com.apple.quicktime.creationdate': '2026-12-01T07:42:10+08:00',
      creation_time: '2026-12-01T07:42:10Z',
    };
    expect(parseCaptureTags(tags, now)).toEqual({
      capturedAt: new Date('2026-11-30T23:42:10Z'),
      capturedOffset: '+08:00',
      latitude: 39.0842,
      longitude: 117.2009,
    });
  });

  it('reads an Android file: creation_time in UTC without an offset, the place from ©xyz', () => {
    const tags = { creation_time: '2026-12-01T07:42:10.000000Z', 'location-eng': '+39.0842+117.2009/', location: '+39.0842+117.2009/' };
    expect(parseCaptureTags(tags, now)).toEqual({
      capturedAt: new Date('2026-12-01T07:42:10Z'),
      capturedOffset: null,
      latitude: 39.0842,
      longitude: 117.2009,
    });
    expect(parseCaptureTags({ 'location-eng': '-33.8688+151.2093+012.000/' }, now)).toMatchObject({ latitude: -33.8688 });
  });

  it('falls back to creation_time when the QuickTime date has no offset or an unset clock', () => {
    const utc = { creation_time: '2026-11-28T00:00:00.000000Z' };
    expect(parseCaptureTags({ ...utc, 'com.apple.quicktime.creationdate': '2026-11-28T08:00:00' }, now)).toMatchObject({
      capturedAt: new Date('2026-11-28T00:00:00Z'),
      capturedOffset: null,
    });
    expect(parseCaptureTags({ ...utc, 'com.apple.quicktime.creationdate': '1970-01-01T08:00:00+0800' }, now).capturedOffset).toBeNull();
  });

  it('drops the epochs of unset clocks and times ahead of now by more than an hour', () => {
    for (const creation_time of ['1904-01-01T00:00:00.000000Z', '1970-01-01T00:00:00.000000Z', '1980-01-06T00:00:00.000000Z']) {
      expect(parseCaptureTags({ creation_time }, now).capturedAt, creation_time).toBeNull();
    }
    expect(parseCaptureTags({ creation_time: '2026-12-01T12:59:00Z' }, now).capturedAt).toEqual(new Date('2026-12-01T12:59:00Z'));
    expect(parseCaptureTags({ creation_time: '2026-12-01T13:01:00Z' }, now).capturedAt).toBeNull();
    expect(parseCaptureTags({ 'com.apple.quicktime.creationdate': '2027-06-01T07:00:00+08:00' }, now).capturedAt).toBeNull();
  });

  it('gives nulls for a file without tags or with unreadable ones', () => {
    const none = { capturedAt: null, capturedOffset: null, latitude: null, longitude: null };
    expect(parseCaptureTags({}, now)).toEqual(none);
    expect(parseCaptureTags({ creation_time: 'yesterday', location: 'Tianjin' }, now)).toEqual(none);
  });
});

describe('parseIsoTime', () => {
  it('reads the offset forms phones write, and a space for the T', () => {
    expect(parseIsoTime('2026-12-01T07:42:10+0800', { requireOffset: true })).toEqual({
      at: new Date('2026-11-30T23:42:10Z'),
      offset: '+08:00',
    });
    expect(parseIsoTime('2026-12-01T07:42:10-0330', { requireOffset: true })?.offset).toBe('-03:30');
    expect(parseIsoTime('2026-12-01T07:42:10Z', { requireOffset: true })?.offset).toBe('+00:00');
    expect(parseIsoTime('2026-12-01 07:42:10.250000', { requireOffset: false })).toEqual({
      at: new Date('2026-12-01T07:42:10.250Z'),
      offset: null,
    });
  });

  it('refuses dates that do not exist, offsets beyond ±14 h, and a zone-less time when one is required', () => {
    expect(parseIsoTime('2026-11-31T07:42:10Z', { requireOffset: false })).toBeNull();
    expect(parseIsoTime('2026-12-01T24:00:00Z', { requireOffset: false })).toBeNull();
    expect(parseIsoTime('2026-12-01T07:42:10+15:00', { requireOffset: false })).toBeNull();
    expect(parseIsoTime('2026-12-01T07:42:10', { requireOffset: true })).toBeNull();
    expect(parseIsoTime(undefined, { requireOffset: false })).toBeNull();
  });
});

describe('parseIso6709', () => {
  it('reads signed decimal degrees with or without altitude and CRS', () => {
    expect(parseIso6709('+39.0842+117.2009/')).toEqual({ latitude: 39.0842, longitude: 117.2009 });
    expect(parseIso6709('-12.5-077.05+150.2/')).toEqual({ latitude: -12.5, longitude: -77.05 });
    expect(parseIso6709('+39.0842+117.2009CRSWGS_84/')).toEqual({ latitude: 39.0842, longitude: 117.2009 });
  });

  it('refuses out-of-range values, degree-minute forms, no-fix zeros and junk', () => {
    expect(parseIso6709('+91.0000+117.2009/')).toBeNull();
    expect(parseIso6709('+39.0842+181.0000/')).toBeNull();
    expect(parseIso6709('+3905.05+11712.01/')).toBeNull();
    expect(parseIso6709('+00.0000+000.0000/')).toBeNull();
    expect(parseIso6709('39.0842,117.2009')).toBeNull();
    expect(parseIso6709(undefined)).toBeNull();
  });
});
