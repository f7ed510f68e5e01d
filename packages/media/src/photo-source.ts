import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import type { Ffmpeg } from './ffmpeg.ts';
import { decodeHeif } from './heif-decoder.ts';

/**
 * A photo in a form sharp can work on, whatever it arrived as. `open()` gives a fresh pipeline for
 * each derivative; `orientation` is the EXIF orientation still to apply (1 when the decoder
 * already turned the picture upright).
 */
export interface PhotoSource {
  open(): Sharp;
  width: number;
  height: number;
  orientation: number;
  /** The raw EXIF block as the decoder found it (e.g. a WebP's EXIF chunk), or null. */
  exif: Buffer | null;
}

/**
 * Opens a photo with the decoder that reads it: sharp (JPEG, PNG, WebP, GIF's first frame, TIFF,
 * AVIF), libheif for HEVC-coded HEIC/HEIF from iPhones and Android phones, and ffmpeg for the rest
 * (BMP and other old formats), written as PNG to `scratch`. Throws when none can.
 */
export async function openPhoto(file: string, scratch: string, ffmpeg: Ffmpeg): Promise<PhotoSource> {
  const meta = await sharp(file)
    .metadata()
    .catch(() => null);
  // sharp reads a HEIF container's header but only decodes AV1 (AVIF) inside it.
  if (meta?.width && meta.height && !(meta.format === 'heif' && meta.compression !== 'av1')) {
    return { open: () => sharp(file), width: meta.width, height: meta.height, orientation: meta.orientation ?? 1, exif: meta.exif ?? null };
  }
  if (meta?.format === 'heif') {
    const image = await decodeHeif(await readFile(file));
    const raw = { width: image.width, height: image.height, channels: 4 as const };
    return { open: () => sharp(image.data, { raw }), width: image.width, height: image.height, orientation: 1, exif: meta.exif ?? null };
  }
  await ffmpeg.run(['-hide_banner', '-y', '-i', file, '-frames:v', '1', '-update', '1', scratch]);
  const png = await sharp(scratch).metadata();
  return { open: () => sharp(scratch), width: png.width ?? 0, height: png.height ?? 0, orientation: 1, exif: null };
}
