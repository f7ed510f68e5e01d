import type { PhotoHashSet } from '@platform/core';
import sharp, { type Sharp } from 'sharp';
import { differenceHash, perceptualHash } from './phash.ts';

/**
 * Where each hash of a photo is taken, as fractions of the upright picture: the whole, its centre
 * and its four corners at 94 % of each side. A copy cropped by a few per cent matches one of the
 * original's crops far better than its whole (a 6 % crop moves a 64-bit pHash by up to 32 bits,
 * the matching crop by a handful), and the original, uploaded after its crop, matches the other
 * way round. The order is the `hashKind` of the indexed bands: never reorder, only append.
 */
export const HASH_REGIONS = [
  { name: 'full', left: 0, top: 0, size: 1 },
  { name: 'centre', left: 0.03, top: 0.03, size: 0.94 },
  { name: 'topLeft', left: 0, top: 0, size: 0.94 },
  { name: 'topRight', left: 0.06, top: 0, size: 0.94 },
  { name: 'bottomLeft', left: 0, top: 0.06, size: 0.94 },
  { name: 'bottomRight', left: 0.06, top: 0.06, size: 0.94 },
] as const;

// Hashes are taken from a greyscale copy this large: every region is resized from the same pixels,
// so the whole and the crops agree, and the decode happens once.
const WORKING_SIDE = 512;

/**
 * The hashes of every region of a photo. `open` yields a fresh sharp pipeline of the picture as
 * stored (EXIF orientation is applied here, so a rotated original and its upright copy agree).
 */
export async function computePhotoHashes(open: () => Sharp): Promise<PhotoHashSet> {
  const { data, info } = await open()
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(WORKING_SIDE, WORKING_SIDE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const result: PhotoHashSet = [];
  for (const region of HASH_REGIONS) {
    const box = {
      left: Math.round(region.left * raw.width),
      top: Math.round(region.top * raw.height),
      width: Math.max(1, Math.round(region.size * raw.width)),
      height: Math.max(1, Math.round(region.size * raw.height)),
    };
    const crop = () => sharp(data, { raw }).extract(box).extractChannel(0);
    const [p32, d98] = await Promise.all([
      crop().resize(32, 32, { fit: 'fill' }).raw().toBuffer(),
      crop().resize(9, 8, { fit: 'fill' }).raw().toBuffer(),
    ]);
    result.push({ p: perceptualHash(p32), d: differenceHash(d98) });
  }
  return result;
}
