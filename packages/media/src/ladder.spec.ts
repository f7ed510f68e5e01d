import { describe, expect, it } from 'vitest';
import { planLadder, scaledSize, UnplayableMediaError } from './ladder.ts';
import type { MediaProbe } from './probe.ts';

const limits = { maxDurationSeconds: 1800, maxRemuxBitrate: 20_000_000 };

function probe(
  overrides: {
    video?: Partial<NonNullable<MediaProbe['video']>> | null;
    audio?: Partial<NonNullable<MediaProbe['audio']>> | null;
    durationSeconds?: number;
    bitRate?: number;
    truncatedAt?: number;
  } = {},
): MediaProbe {
  const durationSeconds = overrides.durationSeconds ?? 60;
  return {
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSeconds: overrides.truncatedAt ?? durationSeconds,
    extent: {
      declaredSeconds: durationSeconds,
      decodableSeconds: overrides.truncatedAt ?? durationSeconds,
      truncatedAtSeconds: overrides.truncatedAt ?? null,
    },
    sizeBytes: 10_000_000,
    bitRate: overrides.bitRate ?? 3_000_000,
    video:
      overrides.video === null
        ? null
        : {
            codec: 'h264',
            profile: 'High',
            level: 31,
            pixelFormat: 'yuv420p',
            width: 1280,
            height: 720,
            rotation: 0,
            fps: 30,
            bitRate: 2_800_000,
            colorTransfer: 'bt709',
            colorPrimaries: 'bt709',
            colorSpace: 'bt709',
            ...overrides.video,
          },
    audio:
      overrides.audio === null
        ? null
        : { codec: 'aac', profile: 'LC', channels: 2, sampleRate: 48000, bitRate: 128_000, ...overrides.audio },
    formatTags: {},
  };
}

const names = (p: ReturnType<typeof planLadder>) =>
  p.kind === 'video' ? p.renditions.map((r) => `${r.name}:${r.mode}:${r.width}x${r.height}`) : [];

describe('planLadder', () => {
  it('remuxes an H.264/AAC 720p source and encodes only the lower rungs', () => {
    expect(names(planLadder(probe(), limits))).toEqual(['720p:copy:1280x720', '480p:encode:854x480', '360p:encode:640x360']);
  });

  it('never upscales a 480p source', () => {
    const plan = planLadder(probe({ video: { width: 854, height: 480, codec: 'hevc' } }), limits);
    expect(names(plan)).toEqual(['480p:encode:854x480', '360p:encode:640x360']);
  });

  it('encodes the full ladder for HEVC 1080p', () => {
    const plan = planLadder(probe({ video: { codec: 'hevc', profile: 'Main', width: 1920, height: 1080 } }), limits);
    expect(names(plan)).toEqual(['1080p:encode:1920x1080', '720p:encode:1280x720', '480p:encode:854x480', '360p:encode:640x360']);
  });

  it('handles portrait phone video stored landscape with rotation metadata, and does not remux it', () => {
    const plan = planLadder(probe({ video: { width: 1920, height: 1080, rotation: 90 } }), limits);
    expect(names(plan)).toEqual(['1080p:encode:1080x1920', '720p:encode:720x1280', '480p:encode:480x854', '360p:encode:360x640']);
  });

  it('keeps a natively portrait H.264 remux in portrait', () => {
    expect(names(planLadder(probe({ video: { width: 720, height: 1280 } }), limits))[0]).toBe('720p:copy:720x1280');
  });

  it('rounds odd dimensions to even ones', () => {
    const plan = planLadder(probe({ video: { codec: 'mpeg4', width: 1001, height: 563 } }), limits);
    expect(names(plan)).toEqual(['480p:encode:854x480', '360p:encode:640x360']);
    expect(scaledSize(641, 359, 359)).toEqual({ width: 642, height: 360 });
  });

  it('remuxes an odd-sized H.264 source at its own size and encodes rungs below it', () => {
    expect(names(planLadder(probe({ video: { width: 1000, height: 562 } }), limits))).toEqual([
      '562p:copy:1000x562',
      '480p:encode:854x480',
      '360p:encode:640x360',
    ]);
  });

  it('encodes a tiny source at its own size instead of upscaling to 360p', () => {
    expect(names(planLadder(probe({ video: { codec: 'mpeg4', width: 320, height: 240 } }), limits))).toEqual(['240p:encode:320x240']);
  });

  it('handles a source without audio', () => {
    const plan = planLadder(probe({ audio: null }), limits);
    expect(plan.kind === 'video' && plan.renditions.every((r) => !r.hasAudio)).toBe(true);
    expect(names(plan)[0]).toBe('720p:copy:1280x720');
  });

  it('copies AAC-LC audio with the remux and into the encodes', () => {
    expect(planLadder(probe(), limits)).toMatchObject({ kind: 'video', copyAudio: true });
    expect(planLadder(probe({ audio: null }), limits)).toMatchObject({ kind: 'video', copyAudio: false });
  });

  it('remuxes the H.264 of a browser-compressed file with Opus (or other non-AAC-LC audio) and encodes only its audio', () => {
    for (const audio of [
      { codec: 'opus', profile: null },
      { codec: 'mp3', profile: null },
      { codec: 'aac', profile: 'HE-AAC' },
    ]) {
      const plan = planLadder(probe({ audio }), limits);
      expect(names(plan), audio.codec).toEqual(['720p:copy:1280x720', '480p:encode:854x480', '360p:encode:640x360']);
      expect(plan, audio.codec).toMatchObject({ kind: 'video', copyAudio: false });
      expect(plan.kind === 'video' && plan.renditions.every((r) => r.hasAudio)).toBe(true);
    }
  });

  it('re-encodes when the video is not H.264, when the bit rate is excessive, or when the profile is 10-bit', () => {
    expect(names(planLadder(probe({ video: { codec: 'vp9', profile: null } }), limits))[0]).toBe('720p:encode:1280x720');
    expect(names(planLadder(probe({ bitRate: 40_000_000 }), limits))[0]).toBe('720p:encode:1280x720');
    expect(names(planLadder(probe({ video: { profile: 'High 10', pixelFormat: 'yuv420p10le' } }), limits))[0]).toBe('720p:encode:1280x720');
  });

  it('plans an audio-only source as audio', () => {
    expect(planLadder(probe({ video: null }), limits)).toEqual({ kind: 'audio', mode: 'copy', durationSeconds: 60, limitSeconds: null });
    expect(planLadder(probe({ video: null, audio: { codec: 'opus', profile: null } }), limits)).toMatchObject({
      kind: 'audio',
      mode: 'encode',
    });
  });

  it('rejects too long, zero-length and stream-less files with codes and parameters', () => {
    expect(() => planLadder(probe({ durationSeconds: 3600 }), limits)).toThrow(
      expect.objectContaining({ code: 'MEDIA_TOO_LONG', params: { seconds: 3600, limitSeconds: 1800 } }),
    );
    expect(() => planLadder(probe({ durationSeconds: 0 }), limits)).toThrow(expect.objectContaining({ code: 'MEDIA_EMPTY' }));
    expect(() => planLadder(probe({ durationSeconds: 10, truncatedAt: 0 }), limits)).toThrow(
      expect.objectContaining({ code: 'MEDIA_EMPTY' }),
    );
    expect(() => planLadder(probe({ video: null, audio: null }), limits)).toThrow(expect.objectContaining({ code: 'MEDIA_NO_STREAMS' }));
    expect(() => planLadder(probe({ video: { codec: 'unknown' } }), limits)).toThrow(UnplayableMediaError);
  });

  it('reads a truncated file only up to its last whole packet, and plans its real length', () => {
    const plan = planLadder(probe({ durationSeconds: 60, truncatedAt: 31.5 }), limits);
    expect(plan).toMatchObject({ durationSeconds: 31.5, limitSeconds: 31.5 });
    expect(planLadder(probe(), limits)).toMatchObject({ limitSeconds: null });
  });

  it('tone-maps HLG and PQ sources and never remuxes them', () => {
    const hlg = planLadder(probe({ video: { colorTransfer: 'arib-std-b67', colorPrimaries: 'bt2020' } }), limits);
    expect(hlg).toMatchObject({ hdr: 'arib-std-b67' });
    expect(names(hlg)[0]).toBe('720p:encode:1280x720');
    expect(planLadder(probe({ video: { codec: 'hevc', colorTransfer: 'smpte2084', pixelFormat: 'yuv420p10le' } }), limits)).toMatchObject({
      hdr: 'smpte2084',
    });
    expect(planLadder(probe(), limits)).toMatchObject({ hdr: null });
  });

  it('gives 60 fps encodes more bits, and keeps the frame rate for the playlists', () => {
    const plan = planLadder(probe({ video: { codec: 'hevc', fps: 60 } }), limits);
    expect(plan.kind === 'video' && plan.renditions[0]!.videoBitrate).toBe(4_200_000);
    expect(plan).toMatchObject({ kind: 'video', fps: 60 });
  });

  it('never gives a rung more bits than the source spends on a picture of its size', () => {
    const bitrates = (p: ReturnType<typeof planLadder>) => (p.kind === 'video' ? p.renditions.map((r) => [r.name, r.videoBitrate]) : []);
    // A phone upload as the web app sends it (720p, 1 Mbit/s): its 360p at the source's share,
    // its 480p at the rung's floor (40 % of 1.4 Mbit/s), not at the fixed rungs of 1.4 and 0.8 Mbit/s.
    expect(bitrates(planLadder(probe({ bitRate: 1_064_000, video: { bitRate: 1_000_000 } }), limits))).toEqual([
      ['720p', 1_000_000],
      ['480p', 560_000],
      ['360p', 353_553],
    ]);
    // A source rich in bits keeps the fixed rungs.
    expect(bitrates(planLadder(probe({ video: { bitRate: 8_000_000 } }), limits)).slice(1)).toEqual([
      ['480p', 1_400_000],
      ['360p', 800_000],
    ]);
    // HEVC carries about 1.6 times the picture per bit, so its H.264 encodes get that much more.
    const hevc = bitrates(planLadder(probe({ video: { codec: 'hevc', width: 1920, height: 1080, bitRate: 2_000_000 } }), limits));
    expect(hevc.map(([name]) => name)).toEqual(['1080p', '720p', '480p', '360p']);
    expect(hevc[0]![1]).toBe(3_200_000);
    expect(hevc[1]![1]).toBeGreaterThan(1_700_000);
    expect(hevc[1]![1]).toBeLessThan(1_800_000);
    // Without the video's own figure, the file's less its audio; with neither, the fixed rungs.
    expect(bitrates(planLadder(probe({ bitRate: 1_128_000, video: { bitRate: 0 } }), limits))[2]).toEqual(['360p', 353_553]);
    expect(bitrates(planLadder(probe({ bitRate: 0, video: { bitRate: 0 } }), limits))[1]).toEqual(['480p', 1_400_000]);
  });
});
