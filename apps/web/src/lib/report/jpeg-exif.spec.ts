import { describe, expect, it } from 'vitest';
import { exifSegmentOf, resetOrientation, withSegment } from './jpeg-exif.ts';

/** A JPEG head with an APP1 Exif segment whose IFD0 holds Orientation = 6 (little-endian TIFF). */
function jpegWithOrientation(): Uint8Array {
  const tiff = [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0];
  const payload = [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], tiff);
  const length = payload.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 255, ...payload, 0xff, 0xda, 0, 2, 0xff, 0xd9]);
}

describe('EXIF carried into a resized photo', () => {
  it('finds the Exif segment, resets its orientation and puts it after the start marker of another JPEG', () => {
    const segment = exifSegmentOf(jpegWithOrientation())!;
    expect(segment.subarray(0, 2)).toEqual(new Uint8Array([0xff, 0xe1]));
    expect(segment[28]).toBe(6);
    resetOrientation(segment);
    expect(segment[28]).toBe(1);
    const bare = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 2, 0xff, 0xd9]);
    const joined = withSegment(bare, segment);
    expect(exifSegmentOf(joined)).toEqual(segment);
    expect(joined.length).toBe(bare.length + segment.length);
  });

  it('returns null for a JPEG without EXIF and for bytes that are not a JPEG', () => {
    expect(exifSegmentOf(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull();
    expect(exifSegmentOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});
