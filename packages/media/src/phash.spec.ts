import { describe, expect, it } from 'vitest';
import { hammingDistance, perceptualHash } from './phash.ts';
import { parseExifTime } from './photo.ts';

function gradient(seed: number, noise = 0): number[] {
  return Array.from({ length: 1024 }, (_, i) => {
    const x = i % 32;
    const y = Math.floor(i / 32);
    const base = 128 + 100 * Math.sin((x * seed) / 9) * Math.cos((y + seed) / 7);
    return Math.max(0, Math.min(255, base + (noise ? (((i * 7919) % 13) - 6) * noise : 0)));
  });
}

describe('perceptual hash', () => {
  it('is stable under small noise and brightness changes, and far apart for different pictures', () => {
    const a = perceptualHash(gradient(3));
    const noisy = perceptualHash(gradient(3, 1.5));
    const brighter = perceptualHash(gradient(3).map((p) => Math.min(255, p + 10)));
    const other = perceptualHash(gradient(11));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(a, noisy)).toBeLessThanOrEqual(6);
    expect(hammingDistance(a, brighter)).toBeLessThanOrEqual(4);
    expect(hammingDistance(a, other)).toBeGreaterThan(16);
  });

  it('rejects the wrong number of pixels', () => {
    expect(() => perceptualHash([1, 2, 3])).toThrow(/1024/);
  });
});

describe('EXIF time', () => {
  it('combines the wall-clock time with its offset', () => {
    expect(parseExifTime('2026:11:28 07:42:10', '+08:00')?.toISOString()).toBe('2026-11-27T23:42:10.000Z');
    expect(parseExifTime('2026:11:28 07:42:10', '-05:00')?.toISOString()).toBe('2026-11-28T12:42:10.000Z');
  });

  it('returns null for missing or malformed values', () => {
    expect(parseExifTime(undefined, '+08:00')).toBeNull();
    expect(parseExifTime('0000:00:00 00:00:00', '+08:00')).toBeNull();
    expect(parseExifTime('2026:11:28 07:42:10', 'local')).toBeNull();
  });
});
