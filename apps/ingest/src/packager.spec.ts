import { describe, expect, it } from 'vitest';
import { packagerArgs } from './packager.ts';

const spec = {
  input: 'http://127.0.0.1:8935/live/abc.flv',
  hlsDir: '/data/live/abc/hls',
  recordFile: '/data/live/abc/rec/part-2.mp4',
  transcodeVideo: false,
  transcodeAudio: false,
  segmentSeconds: 1,
  window: 6,
  startNumber: 42,
};

describe('packagerArgs', () => {
  it('copies H.264 into one tee: live HLS (fMP4, window, continued numbering) and the fragmented MP4 part', () => {
    const args = packagerArgs(spec);
    expect(args.slice(args.indexOf('-c:v'), args.indexOf('-c:v') + 2)).toEqual(['-c:v', 'copy']);
    expect(args).not.toContain('+global_header');
    const tee = args.at(-1)!;
    expect(tee.split('|')).toEqual([
      '[f=hls:hls_time=1:hls_list_size=6:hls_flags=delete_segments+independent_segments+omit_endlist:hls_segment_type=fmp4:hls_fmp4_init_filename=init.mp4:start_number=42:hls_segment_filename=/data/live/abc/hls/seg_%05d.m4s]/data/live/abc/hls/live.m3u8',
      '[f=mp4:movflags=+frag_keyframe+empty_moov+default_base_moof:flush_packets=1]/data/live/abc/rec/part-2.mp4',
    ]);
  });

  it('encodes another codec once to H.264 with global headers, and pushes that copy back for low-latency viewers', () => {
    const args = packagerArgs({ ...spec, transcodeVideo: true, viewerPush: 'rtmp://127.0.0.1:1935/h264/abc?key=k' });
    expect(args).toContain('libx264');
    expect(args).toContain('+global_header');
    expect(args.at(-1)!.split('|').at(-1)).toBe('[f=flv:onfail=ignore]rtmp://127.0.0.1:1935/h264/abc?key=k');
  });

  it('escapes what the tee muxer would read as its own syntax in paths', () => {
    const tee = packagerArgs({ ...spec, recordFile: '/data/a:b|c/part-1.mp4' }).at(-1)!;
    expect(tee).toContain(']/data/a\\:b\\|c/part-1.mp4');
  });
});
