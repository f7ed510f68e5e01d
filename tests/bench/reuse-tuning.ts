// npm run bench:reuse — measures the reused-photo rule on real camera photos: every photo in
// PHOTOS_DIR (default ../shared/photos/real) is transformed with sharp (resized, recompressed,
// cropped, brightened), and each copy must match its original (recall) but no other photo (false
// matches). Prints recall per transform, false matches, the closest pairs of different photos, and
// a grid of thresholds to choose from. Not part of `npm test`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { hamming, comparedPairs, REUSE_THRESHOLDS, reuseMatch, type PhotoHashSet } from '@platform/core';
import { computePhotoHashes } from '@platform/media';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.env.PHOTOS_DIR ?? path.join(root, '..', 'shared', 'photos', 'real');
if (!existsSync(dir)) {
  console.log(`no photos in ${dir}: set PHOTOS_DIR`);
  process.exit(0);
}

// Files that hold the same picture under two names (checked by eye): a match between them is right.
const SAME_PICTURE = [['Issue_600_1.jpg', 'Issue_600_2.jpg']];

type Transform = (image: Sharp, width: number, height: number) => Sharp;
const crop =
  (left: number, top: number, keep: number): Transform =>
  (image, w, h) =>
    image.extract({ left: Math.round(w * left), top: Math.round(h * top), width: Math.round(w * keep), height: Math.round(h * keep) });
const TRANSFORMS: Record<string, Transform> = {
  'resize 50 %': (i, w) => i.resize(Math.round(w / 2)).jpeg({ quality: 85 }),
  'resize 320 px': (i) => i.resize(320, 320, { fit: 'inside' }).jpeg({ quality: 85 }),
  'jpeg q20': (i) => i.jpeg({ quality: 20 }),
  'jpeg q10': (i) => i.jpeg({ quality: 10 }),
  'crop 6 % centre': (i, w, h) => crop(0.03, 0.03, 0.94)(i, w, h).jpeg({ quality: 85 }),
  'crop 6 % top-left': (i, w, h) => crop(0, 0, 0.94)(i, w, h).jpeg({ quality: 85 }),
  'crop 6 % bottom-right': (i, w, h) => crop(0.06, 0.06, 0.94)(i, w, h).jpeg({ quality: 85 }),
  'crop 6 % left only': (i, w, h) => i.extract({ left: Math.round(w * 0.06), top: 0, width: w - Math.round(w * 0.06), height: h }).jpeg(),
  'crop 4 % off-centre': (i, w, h) => crop(0.01, 0.03, 0.96)(i, w, h).jpeg({ quality: 85 }),
  'brighten ×1.3': (i) => i.modulate({ brightness: 1.3 }).jpeg({ quality: 85 }),
  'brighten +25': (i) => i.linear(1.15, 25).jpeg({ quality: 85 }),
  'all: crop, 640 px, ×1.2, q30': (i, w, h) =>
    crop(0.03, 0.03, 0.94)(i, w, h).resize(640, 640, { fit: 'inside' }).modulate({ brightness: 1.2 }).jpeg({ quality: 30 }),
};

interface Photo {
  name: string;
  sha: string;
  hashes: PhotoHashSet;
  copies: Record<string, PhotoHashSet>;
}

const started = performance.now();
// REUSE_CACHE=file keeps the hashes between runs while the rule is tuned (hashing is most of the time).
const cache = process.env.REUSE_CACHE;
const photos: Photo[] = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as Photo[]) : [];
for (const name of photos.length
  ? []
  : readdirSync(dir)
      .filter((f) => /\.jpe?g$/i.test(f))
      .sort()) {
  const bytes = readFileSync(path.join(dir, name));
  const upright = await sharp(bytes).rotate().toBuffer({ resolveWithObject: true });
  const copies: Record<string, PhotoHashSet> = {};
  for (const [label, transform] of Object.entries(TRANSFORMS)) {
    const copy = await transform(sharp(upright.data), upright.info.width, upright.info.height).toBuffer();
    copies[label] = await computePhotoHashes(() => sharp(copy));
  }
  photos.push({
    name,
    sha: createHash('sha256').update(bytes).digest('hex'),
    hashes: await computePhotoHashes(() => sharp(bytes)),
    copies,
  });
}
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(photos));
const hashSeconds = (performance.now() - started) / 1000;
const samePicture = (a: Photo, b: Photo) => a.sha === b.sha || SAME_PICTURE.some((pair) => pair.includes(a.name) && pair.includes(b.name));

/** Closest region pair by pHash and by dHash separately, and the pair the rule would judge. */
function closest(a: PhotoHashSet, b: PhotoHashSet): { p: number; d: number; both: [number, number] } {
  let p = 64;
  let d = 64;
  let both: [number, number] = [64, 64];
  for (const [x, y] of comparedPairs(a.length)) {
    const dp = hamming(a[x]!.p, b[y]!.p);
    const dd = hamming(a[x]!.d, b[y]!.d);
    p = Math.min(p, dp);
    d = Math.min(d, dd);
    if (
      Math.max(dp / REUSE_THRESHOLDS.phash, dd / REUSE_THRESHOLDS.dhash) <
      Math.max(both[0] / REUSE_THRESHOLDS.phash, both[1] / REUSE_THRESHOLDS.dhash)
    )
      both = [dp, dd];
  }
  return { p, d, both };
}

// Negatives: every pair of different originals, and every copy against every other original.
const negatives: { label: string; a: PhotoHashSet; b: PhotoHashSet }[] = [];
for (const a of photos) {
  for (const b of photos) {
    if (a === b || samePicture(a, b)) continue;
    if (a.name < b.name) negatives.push({ label: `${a.name} ~ ${b.name}`, a: a.hashes, b: b.hashes });
    for (const [t, copy] of Object.entries(a.copies)) negatives.push({ label: `${a.name} (${t}) ~ ${b.name}`, a: copy, b: b.hashes });
  }
}

const limits = REUSE_THRESHOLDS;
console.log(
  `\n${photos.length} photos from ${dir}, ${Object.keys(TRANSFORMS).length} transforms; hashing took ${hashSeconds.toFixed(1)} s`,
);
console.log(`rule: some region pair with pHash ≤ ${limits.phash} and dHash ≤ ${limits.dhash} bits\n`);
console.log('transform                       | recall   | worst pHash / dHash of the best pair');
let found = 0;
let total = 0;
for (const t of Object.keys(TRANSFORMS)) {
  let hits = 0;
  let worst: [number, number] = [0, 0];
  for (const photo of photos) {
    if (reuseMatch(photo.copies[t]!, photo.hashes, limits)) hits++;
    const c = closest(photo.copies[t]!, photo.hashes).both;
    if (Math.max(c[0] / limits.phash, c[1] / limits.dhash) > Math.max(worst[0] / limits.phash, worst[1] / limits.dhash)) worst = c;
  }
  found += hits;
  total += photos.length;
  console.log(`${t.padEnd(32)}| ${((100 * hits) / photos.length).toFixed(1).padStart(5)} %  | ${worst[0]} / ${worst[1]}`);
}
console.log(`${'all'.padEnd(32)}| ${((100 * found) / total).toFixed(2).padStart(5)} %`);

const falseMatches = negatives.filter((n) => reuseMatch(n.a, n.b, limits));
console.log(`\nfalse matches: ${falseMatches.length} of ${negatives.length} pairs of different photos`);
for (const f of falseMatches.slice(0, 10)) console.log(`  ${f.label}`);
const ranked = negatives
  .map((n) => ({ ...n, c: closest(n.a, n.b) }))
  .sort(
    (x, y) =>
      Math.max(x.c.both[0] / limits.phash, x.c.both[1] / limits.dhash) - Math.max(y.c.both[0] / limits.phash, y.c.both[1] / limits.dhash),
  );
console.log(`closest different photos (pHash / dHash of one region pair):`);
for (const n of ranked.slice(0, 5)) console.log(`  ${n.c.both[0]} / ${n.c.both[1]}  ${n.label}`);
console.log(
  `closest by pHash alone: ${ranked.reduce((m, n) => Math.min(m, n.c.p), 64)} bits; by dHash alone: ${ranked.reduce((m, n) => Math.min(m, n.c.d), 64)} bits`,
);

// A grid to choose from: recall over all copies and false matches, per pair of limits.
console.log('\nrecall % / false matches by limits (rows pHash, columns dHash)');
const dLimits = [10, 12, 14, 16, 18, 20];
console.log(`pHash \\ dHash | ${dLimits.map((d) => String(d).padStart(11)).join(' ')}`);
for (const p of [6, 8, 10, 11, 12, 14]) {
  const cells = dLimits.map((d) => {
    const l = { phash: p, dhash: d };
    let hits = 0;
    for (const photo of photos) for (const copy of Object.values(photo.copies)) if (reuseMatch(copy, photo.hashes, l)) hits++;
    const fm = negatives.filter((n) => reuseMatch(n.a, n.b, l)).length;
    return `${((100 * hits) / total).toFixed(1)} / ${fm}`.padStart(11);
  });
  console.log(`${String(p).padStart(13)} | ${cells.join(' ')}`);
}

// Same-picture pairs in the set (the closest the set has to "one scene, seconds apart"): what they score.
console.log('\npairs of photos the set holds twice (expected to match):');
for (const a of photos)
  for (const b of photos)
    if (a.name < b.name && samePicture(a, b))
      console.log(`  ${a.name} ~ ${b.name}: ${JSON.stringify(reuseMatch(a.hashes, b.hashes, limits))}`);
