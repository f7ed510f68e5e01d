import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reuseMatch, type PhotoHashSet } from '@platform/core';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { computePhotoHashes, HASH_REGIONS } from './photo-hashes.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../media-samples/real');
const PHOTOS = ['Apple_iPhone_6.jpg', 'Canon_EOS_20D_1.jpg', 'Canon_PowerShot_G2.jpg', 'Canon_PowerShot_G2_2.jpg', 'Minolta_DiMAGE_5.jpg'];

type Transform = (image: Sharp, width: number, height: number) => Sharp;
const crop =
  (left: number, top: number, keep: number): Transform =>
  (image, w, h) =>
    image.extract({ left: Math.round(w * left), top: Math.round(h * top), width: Math.round(w * keep), height: Math.round(h * keep) });
const TRANSFORMS: Record<string, Transform> = {
  'resized to half': (i, w) => i.resize(Math.round(w / 2)).jpeg({ quality: 85 }),
  'recompressed at q15': (i) => i.jpeg({ quality: 15 }),
  'cropped 6 % around': (i, w, h) => crop(0.03, 0.03, 0.94)(i, w, h).jpeg(),
  'cropped 6 % off one corner': (i, w, h) => crop(0.06, 0.06, 0.94)(i, w, h).jpeg(),
  brightened: (i) => i.modulate({ brightness: 1.25 }).jpeg(),
};

const originals = new Map<string, PhotoHashSet>();
const upright = new Map<string, { data: Buffer; width: number; height: number }>();
beforeAll(async () => {
  for (const name of PHOTOS) {
    const file = path.join(dir, name);
    originals.set(name, await computePhotoHashes(() => sharp(file)));
    const { data, info } = await sharp(file).rotate().toBuffer({ resolveWithObject: true });
    upright.set(name, { data, width: info.width, height: info.height });
  }
});

describe('photo hashes', () => {
  it('has a pHash and a dHash for every region', () => {
    const hashes = originals.get(PHOTOS[0]!)!;
    expect(hashes).toHaveLength(HASH_REGIONS.length);
    for (const region of hashes) {
      expect(region.p).toMatch(/^[0-9a-f]{16}$/);
      expect(region.d).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  for (const [label, transform] of Object.entries(TRANSFORMS)) {
    it(`finds a copy ${label}, in either upload order`, async () => {
      for (const name of PHOTOS) {
        const source = upright.get(name)!;
        const copy = await transform(sharp(source.data), source.width, source.height).toBuffer();
        const hashes = await computePhotoHashes(() => sharp(copy));
        expect(reuseMatch(hashes, originals.get(name)!), `${name} ${label}`).not.toBeNull();
        expect(reuseMatch(originals.get(name)!, hashes), `${name} ${label}, original second`).not.toBeNull();
      }
    });
  }

  it('matches no two different photos, not even two shots of one camera 13 minutes apart', () => {
    for (const a of PHOTOS) {
      for (const b of PHOTOS) if (a !== b) expect(reuseMatch(originals.get(a)!, originals.get(b)!), `${a} ~ ${b}`).toBeNull();
    }
  });

  it('applies EXIF orientation, so a photo and its upright copy agree', async () => {
    const name = PHOTOS[1]!;
    const rotated = await sharp(upright.get(name)!.data).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(reuseMatch(await computePhotoHashes(() => sharp(rotated)), originals.get(name)!)?.phash).toBeLessThanOrEqual(4);
  });
});
