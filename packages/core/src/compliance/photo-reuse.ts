// The reused-photo rule and its index arithmetic. Pure: the hashes come from the media package,
// the candidates from the database; tests/bench/reuse-tuning.ts measures the thresholds below.

/** One region's 64-bit hashes as 16 hex characters: pHash (DCT) and dHash (gradients). */
export interface RegionHash {
  p: string;
  d: string;
}

/**
 * Every hash of a photo, one per region: index 0 is the whole picture, the others crops of it
 * (centre and corners, see the media package's HASH_REGIONS). The index is the `hashKind` of the
 * bands in `photo_hash_band`.
 */
export type PhotoHashSet = RegionHash[];

/** How close two photos' hashes must be to call one a reuse of the other. */
export interface ReuseThresholds {
  /** Most differing pHash bits of the best region pair. */
  phash: number;
  /** Most differing dHash bits of that same pair: both hashes must agree. */
  dhash: number;
}

/**
 * Chosen on 100 real camera photos and 1,100 transformed copies (README, "Evidence checks"):
 * every resize, JPEG q10–q20, 3–6 % crop and brightening is found, while the closest pair of
 * different photos is far beyond both limits.
 */
export const REUSE_THRESHOLDS: ReuseThresholds = { phash: 10, dhash: 14 };

/** A match between two hash sets: the distances of the closest allowed region pair. */
export interface ReuseMatch {
  phash: number;
  dhash: number;
  /** Region of the new photo and of the earlier one, e.g. [0, 3]: the whole new photo matched the earlier one's top-left crop. */
  regions: [number, number];
}

const BAND_BITS = 16;
export const BANDS = 64 / BAND_BITS;

/** Differing bits between two 16-hex-character hashes. */
export function hamming(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}

/**
 * The region pairs compared: whole against whole, whole against each crop of the other and each
 * crop against the other's whole. Crop against crop is left out: it would only add chances for
 * two different pictures to meet, and a copy is a crop of the original or the other way round.
 */
export function comparedPairs(regions: number): [number, number][] {
  const pairs: [number, number][] = [[0, 0]];
  for (let r = 1; r < regions; r++) pairs.push([0, r], [r, 0]);
  return pairs;
}

/** The closest allowed region pair of two photos if it is within the thresholds, else null. */
export function reuseMatch(fresh: PhotoHashSet, earlier: PhotoHashSet, limits: ReuseThresholds = REUSE_THRESHOLDS): ReuseMatch | null {
  let best: ReuseMatch | null = null;
  for (const [a, b] of comparedPairs(Math.min(fresh.length, earlier.length))) {
    const phash = hamming(fresh[a]!.p, earlier[b]!.p);
    if (phash > limits.phash) continue;
    const dhash = hamming(fresh[a]!.d, earlier[b]!.d);
    if (dhash > limits.dhash) continue;
    if (!best || phash + dhash < best.phash + best.dhash) best = { phash, dhash, regions: [a, b] };
  }
  return best;
}

/** The four 16-bit bands of a 64-bit hash, most significant first. */
export function hashBands(hex: string): number[] {
  const value = BigInt(`0x${hex}`);
  return Array.from({ length: BANDS }, (_, band) => Number((value >> BigInt(BAND_BITS * (BANDS - 1 - band))) & 0xffffn));
}

/** Every 16-bit value within `radius` bits of `value`, itself included (1 + 16 + 120 for radius 2). */
export function bandNeighbours(value: number, radius: number): number[] {
  const out = [value];
  const flip = (start: number, left: number, current: number) => {
    for (let bit = start; bit < BAND_BITS; bit++) {
      const next = current ^ (1 << bit);
      out.push(next);
      if (left > 1) flip(bit + 1, left - 1, next);
    }
  };
  if (radius > 0) flip(0, radius, value);
  return out;
}

/** One indexed probe: photos whose band `band` of hash kind `hashKind` is one of `values`. */
export interface BandProbe {
  hashKind: number;
  band: number;
  values: number[];
}

/**
 * The index probes that find every earlier photo within `limits.phash` pHash bits of a new one
 * in some compared region pair (multi-index hashing: if 64 bits differ in at most t places, one
 * of the four 16-bit bands differs in at most ⌊t/4⌋, so enumerating those neighbours of each
 * band finds every candidate and nothing needs a full scan).
 */
export function reuseProbes(fresh: PhotoHashSet, limits: ReuseThresholds = REUSE_THRESHOLDS): BandProbe[] {
  const radius = Math.floor(limits.phash / BANDS);
  const byKind = new Map<number, Set<number>[]>();
  for (const [a, b] of comparedPairs(fresh.length)) {
    const bands = byKind.get(b) ?? Array.from({ length: BANDS }, () => new Set<number>());
    byKind.set(b, bands);
    hashBands(fresh[a]!.p).forEach((value, band) => bandNeighbours(value, radius).forEach((v) => bands[band]!.add(v)));
  }
  return [...byKind].flatMap(([hashKind, bands]) => bands.map((values, band) => ({ hashKind, band, values: [...values] })));
}
