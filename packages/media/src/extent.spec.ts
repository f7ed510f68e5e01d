import { describe, expect, it } from 'vitest';
import { measureExtent, type PacketInfo } from './extent.ts';

/** Interleaved video (25 fps) and audio (~21 ms) packets over `seconds`, laid out in file order. */
function packets(seconds: number, options: { start?: number; raw?: boolean } = {}): PacketInfo[] {
  const list: PacketInfo[] = [];
  let pos = 1000;
  const start = options.start ?? 0;
  for (let t = 0; t < seconds - 1e-9; t += 0.04) {
    list.push({ stream: 0, pts: options.raw ? null : start + t, duration: 0.04, pos, size: 500 });
    pos += 500;
    if (!options.raw) {
      list.push({ stream: 1, pts: start + t, duration: 0.04, pos, size: 100 });
      pos += 100;
    }
  }
  return list;
}

const endOf = (list: PacketInfo[]) => Math.max(...list.map((p) => p.pos! + p.size));

describe('measureExtent', () => {
  it('accepts a complete file whose packets reach the declared end', () => {
    const list = packets(10);
    expect(measureExtent(list, 10, 0, endOf(list) + 5000)).toEqual({ declaredSeconds: 10, decodableSeconds: 10, truncatedAtSeconds: null });
  });

  it('finds a file cut in half whose header still declares the full length, cutting before the partial packet', () => {
    const list = packets(10).filter((p) => p.pos! < 3000 + 600 * 120);
    const last = list.at(-1)!;
    last.size = 200; // the demuxer read only what was there
    const fileSize = last.pos! + last.size;
    const extent = measureExtent(list, 10, 0, fileSize);
    expect(extent.truncatedAtSeconds).toBeCloseTo(last.pts!, 3);
    expect(extent.decodableSeconds).toBe(extent.truncatedAtSeconds);
    expect(extent.declaredSeconds).toBe(10);
  });

  it('tolerates the small stream-length differences of ordinary files', () => {
    const list = packets(9.8);
    expect(measureExtent(list, 10, 0, endOf(list)).truncatedAtSeconds).toBeNull();
  });

  it('measures from the first timestamp, as in transport streams that start at 1.4 s', () => {
    const list = packets(3, { start: 1.4 });
    expect(measureExtent(list, 3, 1.4, endOf(list))).toMatchObject({ decodableSeconds: 3, truncatedAtSeconds: null });
  });

  it('sums packet durations for raw streams without timestamps or a declared length', () => {
    const list = packets(3, { raw: true });
    expect(measureExtent(list, 0, 0, endOf(list))).toEqual({ declaredSeconds: 0, decodableSeconds: 3, truncatedAtSeconds: null });
  });

  it('reports nothing decodable for a file without packets', () => {
    expect(measureExtent([], 10, 0, 5000)).toEqual({ declaredSeconds: 10, decodableSeconds: 0, truncatedAtSeconds: 0 });
  });
});
