// `node --import tsx seeds/media/cli.ts --out DIR --ffmpeg PATH`: the catalogue's sample media,
// called by media-samples/generate.mjs (which finds ffmpeg and the output directory).
import { renderCatalogueMedia } from './render-catalogue.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const outDir = option('--out');
const ffmpeg = option('--ffmpeg') ?? 'ffmpeg';
if (!outDir) {
  console.error('usage: cli.ts --out DIR [--ffmpeg PATH]');
  process.exit(2);
}
const result = await renderCatalogueMedia({ outDir, ffmpeg, log: (line) => console.log(line) });
if (result.plainBecause) console.warn(`catalogue videos and posters show a plain pattern: ${result.plainBecause}`);
if (result.failed.length) process.exitCode = 1;
