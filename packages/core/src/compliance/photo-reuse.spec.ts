import { describe, expect, it } from 'vitest';
import { bandNeighbours, comparedPairs, hamming, hashBands, reuseMatch, reuseProbes } from './photo-reuse.ts';

const flip = (hex: string, bits: number[]) => {
  let v = BigInt(`0x${hex}`);
  for (const b of bits) v ^= 1n << BigInt(b);
  return v.toString(16).padStart(16, '0');
};
// Crops far from the whole and from each other (20 bits apart), as real crops of a busy picture are.
const set = (p: string, d: string, crops = 5) => [
  { p, d },
  ...Array.from({ length: crops }, (_, i) => ({
    p: flip(
      p,
      Array.from({ length: 20 }, (_, b) => (b * 3 + i) % 64),
    ),
    d: flip(
      d,
      Array.from({ length: 20 }, (_, b) => (b * 3 + i + 1) % 64),
    ),
  })),
];

describe('reused-photo rule', () => {
  const a = set('0123456789abcdef', 'fedcba9876543210');

  it('needs both hashes of one region pair within the limits', () => {
    expect(reuseMatch(a, a)).toMatchObject({ phash: 0, dhash: 0, regions: [0, 0] });
    const near = [{ p: flip(a[0]!.p, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), d: a[0]!.d }];
    expect(reuseMatch(near, a, { phash: 10, dhash: 14 })?.phash).toBe(10);
    expect(reuseMatch(near, a, { phash: 8, dhash: 14 })).toBeNull();
    const farD = [
      {
        p: a[0]!.p,
        d: flip(
          a[0]!.d,
          Array.from({ length: 15 }, (_, i) => i * 4),
        ),
      },
    ];
    expect(reuseMatch(farD, a, { phash: 10, dhash: 14 })).toBeNull();
  });

  it('compares whole with whole and whole with crops, never crop with crop', () => {
    expect(comparedPairs(3)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [0, 2],
      [2, 0],
    ]);
    const other = set('5555aaaa5555aaaa', 'aaaa5555aaaa5555');
    const cropOfA = [a[3]!, ...other.slice(1)];
    expect(reuseMatch(cropOfA, a)?.regions).toEqual([0, 3]);
    const aFromItsCrop = [other[0]!, a[0]!, ...other.slice(2)];
    expect(reuseMatch(aFromItsCrop, a)?.regions).toEqual([1, 0]);
    const sharesOnlyACrop = [other[0]!, a[1]!, ...other.slice(2)];
    expect(reuseMatch(sharesOnlyACrop, [a[0]!, other[1]!, ...a.slice(2)])).toBeNull();
  });
});

describe('multi-index hashing', () => {
  it('splits 64 bits into four 16-bit bands', () => {
    expect(hashBands('0123456789abcdef')).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
    expect(hamming('0123456789abcdef', flip('0123456789abcdef', [0, 63]))).toBe(2);
  });

  it('enumerates every neighbour within the radius once', () => {
    expect(bandNeighbours(0, 0)).toEqual([0]);
    const two = bandNeighbours(0xabcd, 2);
    expect(two).toHaveLength(1 + 16 + 120);
    expect(new Set(two).size).toBe(two.length);
    expect(two.every((v) => hamming(v.toString(16).padStart(16, '0'), 'abcd'.padStart(16, '0')) <= 2)).toBe(true);
  });

  it('probes find every hash within the pHash limit (pigeonhole over bands)', () => {
    const stored = set('0123456789abcdef', 'fedcba9876543210');
    // The new photo's whole is the stored photo's crop 2 with 10 bits changed, spread over all bands.
    const fresh = set('0f0f0f0f0f0f0f0f', '00ff00ff00ff00ff');
    fresh[0] = { p: flip(stored[2]!.p, [0, 1, 2, 17, 18, 33, 34, 49, 50, 63]), d: stored[2]!.d };
    const probes = reuseProbes(fresh, { phash: 10, dhash: 14 });
    const bands = hashBands(stored[2]!.p);
    const hit = probes.some((p) => p.hashKind === 2 && p.values.includes(bands[p.band]!));
    expect(hit).toBe(true);
    expect(probes.filter((p) => p.hashKind === 2).every((p) => p.values.length === 137)).toBe(true);
    expect(reuseMatch(fresh, stored)?.regions).toEqual([0, 2]);
  });
});
