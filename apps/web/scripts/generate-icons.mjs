// Renders the app's PNG icons (home screen, install prompt, iOS) from its one SVG mark,
// apps/web/static/favicon.svg. Run after changing the mark and commit the PNGs with it:
//
//   node apps/web/scripts/generate-icons.mjs
//
// sharp comes from the workspace (packages/media uses it); the PNGs are committed so neither a
// build nor a deploy needs it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'static');
const mark = path.join(staticDir, 'favicon.svg');
// The mark's own background (app.css --primary), filled to the edges where a platform masks the icon.
const background = '#b8322a';

/** The mark as it is (rounded corners, transparent outside), for launchers that show icons unmasked. */
async function plain(size, file) {
  await sharp(mark, { density: 300 }).resize(size, size).png({ palette: true }).toFile(path.join(staticDir, file));
}

/**
 * The mark on a full square of its background colour, shrunk to 80 %: Android crops maskable icons
 * to a circle or squircle that keeps only the middle 80 %, and iOS rounds the corners itself and
 * shows transparent pixels as black.
 */
async function fullBleed(size, file) {
  const inner = Math.round(size * 0.8);
  const markPng = await sharp(mark, { density: 300 }).resize(inner, inner).png().toBuffer();
  await sharp({ create: { width: size, height: size, channels: 4, background } })
    .composite([{ input: markPng, gravity: 'centre' }])
    .flatten({ background })
    .png({ palette: true })
    .toFile(path.join(staticDir, file));
}

await plain(192, 'icons/icon-192.png');
await plain(512, 'icons/icon-512.png');
await fullBleed(512, 'icons/icon-maskable-512.png');
await fullBleed(180, 'apple-touch-icon.png');
