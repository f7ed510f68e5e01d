// 64-bit perceptual hash (the DCT "pHash"): 32×32 greyscale, 2-D DCT, the 8×8 lowest
// frequencies, one bit per coefficient above their median. Re-saved, resized or slightly
// recompressed copies of a photo land within a few bits of each other.

const N = 32;
const COS = Array.from({ length: N }, (_, k) => Array.from({ length: N }, (_, n) => Math.cos(((2 * n + 1) * k * Math.PI) / (2 * N))));

/** pHash of 32×32 greyscale pixels (row-major, 1024 values) as 16 hex characters. Pure. */
export function perceptualHash(pixels: ArrayLike<number>): string {
  if (pixels.length !== N * N) throw new Error(`perceptualHash needs ${N * N} pixels, got ${pixels.length}`);
  const coefficients: number[] = [];
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let sum = 0;
      for (let y = 0; y < N; y++) {
        let row = 0;
        for (let x = 0; x < N; x++) row += pixels[y * N + x]! * COS[v]![x]!;
        sum += row * COS[u]![y]!;
      }
      coefficients.push(sum);
    }
  }
  // The DC term is the average brightness; leaving it out of the median keeps the bits about structure.
  const median = [...coefficients.slice(1)].sort((a, b) => a - b)[31]!;
  let hash = 0n;
  for (const c of coefficients) hash = (hash << 1n) | (c > median ? 1n : 0n);
  return hash.toString(16).padStart(16, '0');
}

/**
 * 64-bit difference hash (dHash) of 9×8 greyscale pixels (row-major, 72 values) as 16 hex
 * characters: one bit per horizontal neighbour pair, set when brightness rises to the right.
 * It reads gradients where pHash reads frequencies, so two unrelated pictures rarely agree on
 * both; the reuse check asks for both. Pure.
 */
export function differenceHash(pixels: ArrayLike<number>): string {
  if (pixels.length !== 72) throw new Error(`differenceHash needs 72 pixels, got ${pixels.length}`);
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) hash = (hash << 1n) | (pixels[y * 9 + x]! < pixels[y * 9 + x + 1]! ? 1n : 0n);
  }
  return hash.toString(16).padStart(16, '0');
}

/** Number of differing bits between two hashes; ≤ 10 of 64 means "the same picture". */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}
