import { describe, expect, it } from 'vitest';
import { planSprite } from './stills-args.ts';
import { avc1Codec, masterPlaylist, measureBandwidth, parseMediaPlaylist, spriteVtt, withTrueLastSegment } from './playlists.ts';

describe('playlists', () => {
  it('writes a master playlist with CODECS, RESOLUTION and BANDWIDTH, highest first', () => {
    const text = masterPlaylist([
      {
        uri: '360p/index.m3u8',
        bandwidth: 900_000,
        averageBandwidth: 800_000,
        codecs: 'avc1.64001E,mp4a.40.2',
        width: 640,
        height: 360,
        frameRate: 30,
      },
      {
        uri: '720p/index.m3u8',
        bandwidth: 3_000_000,
        averageBandwidth: 2_500_000,
        codecs: 'avc1.64001F,mp4a.40.2',
        width: 1280,
        height: 720,
        frameRate: 29.97,
      },
    ]);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,CODECS="avc1.64001F,mp4a.40.2",RESOLUTION=1280x720,FRAME-RATE=29.970',
      '720p/index.m3u8',
    ]);
  });

  it('builds RFC 6381 H.264 codec strings', () => {
    expect(avc1Codec('High', 31)).toBe('avc1.64001F');
    expect(avc1Codec('Constrained Baseline', 30)).toBe('avc1.42E01E');
    expect(avc1Codec('Main', 40)).toBe('avc1.4D4028');
  });

  it('parses segment durations and measures peak and average bandwidth', () => {
    const segments = parseMediaPlaylist(
      '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:4.000000,\nseg_00000.m4s\n#EXTINF:2.5,\nseg_00001.m4s\n#EXT-X-ENDLIST\n',
    );
    expect(segments).toEqual([
      { uri: 'seg_00000.m4s', duration: 4 },
      { uri: 'seg_00001.m4s', duration: 2.5 },
    ]);
    expect(
      measureBandwidth([
        { duration: 4, bytes: 500_000 },
        { duration: 2, bytes: 500_000 },
      ]),
    ).toEqual({ peak: 2_000_000, average: 1_333_334 });
  });

  it('maps sprite tiles to time ranges in WebVTT', () => {
    const plan = planSprite(25, { width: 1280, height: 720 });
    expect(plan).toMatchObject({ interval: 2, count: 13, columns: 10, rows: 2, thumbWidth: 160, thumbHeight: 90 });
    const vtt = spriteVtt(plan, 25, 'sprite.jpg').split('\n');
    expect(vtt[0]).toBe('WEBVTT');
    expect(vtt[2]).toBe('00:00:00.000 --> 00:00:02.000');
    expect(vtt[3]).toBe('sprite.jpg#xywh=0,0,160,90');
    expect(vtt.at(-2)).toBe('sprite.jpg#xywh=320,90,160,90');
    expect(vtt.at(-3)).toBe('00:00:24.000 --> 00:00:25.000');
  });
});

describe('withTrueLastSegment', () => {
  const playlist = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-TARGETDURATION:4',
    '#EXT-X-MAP:URI="init.mp4"',
    '#EXTINF:4.000000,',
    'seg_00000.m4s',
    '#EXTINF:4.000000,',
    'seg_00001.m4s',
    '#EXTINF:0.666667,',
    'seg_00002.m4s',
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');

  it('gives the last segment the rest of the real duration, as variable-frame-rate video needs', () => {
    const fixed = withTrueLastSegment(playlist, 9.934);
    expect(parseMediaPlaylist(fixed).map((s) => s.duration)).toEqual([4, 4, 1.934]);
    expect(fixed).toContain('#EXT-X-TARGETDURATION:4');
    expect(fixed.endsWith('#EXT-X-ENDLIST\n')).toBe(true);
  });

  it('raises the target duration when the last segment outgrows it', () => {
    const one = ['#EXTM3U', '#EXT-X-TARGETDURATION:2', '#EXTINF:2.000000,', 'seg_00000.m4s', '#EXT-X-ENDLIST'].join('\n');
    expect(withTrueLastSegment(one, 3.93)).toContain('#EXT-X-TARGETDURATION:4');
  });

  it('leaves a playlist that already adds up, or a total it cannot be, untouched', () => {
    expect(withTrueLastSegment(playlist, 8.68)).toBe(playlist);
    expect(withTrueLastSegment(playlist, 7)).toBe(playlist);
  });
});
