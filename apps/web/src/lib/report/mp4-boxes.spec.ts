import { describe, expect, it } from 'vitest';
import { readCaptureFacts, setMovieTime, type ByteReader } from './mp4-boxes.ts';

const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const box = (type: string, body: number[]) => [...u32(8 + body.length), ...text(type), ...body];
const MP4_EPOCH = Date.UTC(1904, 0, 1);
const secondsOf = (iso: string) => (Date.parse(iso) - MP4_EPOCH) / 1000;

function movie(recorded: string | null, udta: number[]): Uint8Array {
  const mvhd = box('mvhd', [0, 0, 0, 0, ...u32(recorded ? secondsOf(recorded) : 0), ...u32(0), ...u32(1000), ...u32(0)]);
  return new Uint8Array([...box('ftyp', text('isom')), ...box('mdat', [1, 2, 3]), ...box('moov', [...mvhd, ...box('udta', udta)])]);
}
const readerOf =
  (bytes: Uint8Array): ByteReader =>
  async (offset, length) =>
    bytes.subarray(offset, offset + length);

describe('capture facts of an MP4', () => {
  it('reads the movie header time and the Android ©xyz location', async () => {
    const location = '+39.0842+117.2009/';
    const bytes = movie('2026-12-01T07:42:10Z', box('\u00a9xyz', [0, location.length, 0x15, 0xc7, ...text(location)]));
    expect(await readCaptureFacts(readerOf(bytes), bytes.length)).toEqual({ recordedAt: new Date('2026-12-01T07:42:10Z'), location });
  });

  it('reads the 3GPP loci location as ISO 6709, and takes a zero time as unknown', async () => {
    const fixed = (degrees: number) => u32(Math.round(degrees * 65536) >>> 0);
    const loci = box('loci', [0, 0, 0, 0, 0x15, 0xc7, 0, 0, ...fixed(117.2009), ...fixed(39.0842), ...fixed(0), 0, 0]);
    const bytes = movie(null, loci);
    expect(await readCaptureFacts(readerOf(bytes), bytes.length)).toEqual({ recordedAt: null, location: '+39.0842+117.2009/' });
  });

  it('finds nothing in a file without a movie box rather than guessing', async () => {
    const bytes = new Uint8Array([...box('ftyp', text('isom')), 0, 0, 0, 99, ...text('mdat')]);
    expect(await readCaptureFacts(readerOf(bytes), bytes.length)).toEqual({ recordedAt: null, location: null });
  });

  it('writes a recording time back into the movie header, or zero for none', async () => {
    const bytes = movie('2030-01-01T00:00:00Z', []);
    expect(await setMovieTime(bytes, new Date('2026-12-01T07:42:10Z'))).toBe(true);
    expect((await readCaptureFacts(readerOf(bytes), bytes.length)).recordedAt).toEqual(new Date('2026-12-01T07:42:10Z'));
    await setMovieTime(bytes, null);
    expect((await readCaptureFacts(readerOf(bytes), bytes.length)).recordedAt).toBeNull();
  });
});
