import { describe, expect, it } from 'vitest';
import { avcCodecOfInit } from './mp4-codec.ts';

function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
}

const avcC = (profile: number, compat: number, level: number) => box('avcC', Buffer.from([1, profile, compat, level, 0xff, 0xe1]));
const sampleEntry = (type: string, ...children: Buffer[]) => box(type, Buffer.alloc(78), ...children);
const track = (entry: Buffer) =>
  box(
    'trak',
    box('tkhd', Buffer.alloc(84)),
    box('mdia', box('mdhd', Buffer.alloc(24)), box('minf', box('stbl', box('stsd', Buffer.alloc(8), entry), box('stts', Buffer.alloc(8))))),
  );
const init = (...tracks: Buffer[]) =>
  Buffer.concat([box('ftyp', Buffer.from('iso5')), box('moov', box('mvhd', Buffer.alloc(100)), ...tracks)]);

describe('avcCodecOfInit', () => {
  it('reads profile, constraints and level from the avcC', () => {
    expect(avcCodecOfInit(init(track(sampleEntry('avc1', box('colr', Buffer.alloc(10)), avcC(0x64, 0x00, 0x1f)))))).toBe('avc1.64001F');
    expect(avcCodecOfInit(init(track(sampleEntry('avc1', avcC(0x42, 0xc0, 0x1e)))))).toBe('avc1.42C01E');
  });

  it('finds the video track after an audio track, and keeps avc3', () => {
    const audio = track(box('mp4a', Buffer.alloc(28), box('esds', Buffer.alloc(20))));
    expect(avcCodecOfInit(init(audio, track(sampleEntry('avc3', avcC(0x4d, 0x40, 0x28)))))).toBe('avc3.4D4028');
  });

  it('returns null without an H.264 track, and for truncated or malformed input', () => {
    expect(avcCodecOfInit(init(track(box('mp4a', Buffer.alloc(28)))))).toBeNull();
    const whole = init(track(sampleEntry('avc1', avcC(0x64, 0, 0x28))));
    expect(avcCodecOfInit(whole.subarray(0, whole.length - 10))).toBeNull();
    expect(avcCodecOfInit(Buffer.from('not an mp4 file at all'))).toBeNull();
    expect(avcCodecOfInit(init(track(sampleEntry('avc1', box('avcC', Buffer.from([0, 0x64, 0, 0x1f]))))))).toBeNull();
  });
});
