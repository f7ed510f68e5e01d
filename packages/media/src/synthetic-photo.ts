import sharp from 'sharp';

/**
 * A JPEG of an invented scene (coloured blocks on a background), different for every `seed`: demo
 * meetings get evidence that goes through the real photo pipeline without shipping photographs.
 * The same seed gives the same bytes, which is how the demo shows a reused photo.
 */
export async function syntheticPhoto(seed: number, size = { width: 960, height: 720 }): Promise<Buffer> {
  let state = (seed * 2654435761) >>> 0 || 1;
  const next = () => {
    // xorshift32: small, deterministic, good enough to vary a picture.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0xffffffff;
  };
  const colour = () => `rgb(${Math.round(next() * 255)},${Math.round(next() * 255)},${Math.round(next() * 255)})`;
  const blocks = Array.from({ length: 14 }, () => {
    const w = Math.round(size.width * (0.08 + next() * 0.3));
    const h = Math.round(size.height * (0.08 + next() * 0.3));
    const x = Math.round(next() * (size.width - w));
    const y = Math.round(next() * (size.height - h));
    return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colour()}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><rect width="100%" height="100%" fill="${colour()}"/>${blocks}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
