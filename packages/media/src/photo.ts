import exifr from 'exifr';
import type { PhotoSource } from './photo-source.ts';
import type { PhotoHashSet } from '@platform/core';
import { computePhotoHashes } from './photo-hashes.ts';

/** Evidence read from a photo's EXIF. */
export interface PhotoEvidence {
  width: number;
  height: number;
  /** Capture instant in UTC; null when the camera wrote no time. */
  capturedAt: Date | null;
  /** The camera's UTC offset, e.g. "+08:00"; null when not recorded (the time is then read as Asia/Shanghai). */
  capturedOffset: string | null;
  latitude: number | null;
  longitude: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  perceptualHash: string;
  /** pHash and dHash of the whole photo and its crops, for the reused-photo check. */
  photoHashes: PhotoHashSet;
}

// Local time of a camera without an offset tag: the platform's users are all in China.
const DEFAULT_OFFSET = '+08:00';

/**
 * Reads dimensions (after EXIF orientation), capture time with its offset, GPS, camera and the
 * perceptual hashes. EXIF comes from the original file (JPEG, TIFF, HEIC, AVIF, PNG, WebP all carry
 * it), pixels from the decoded source. exifr would turn the time into a Date in this process's
 * time zone and ignore OffsetTimeOriginal, so raw strings are combined here.
 */
export async function analysePhoto(file: string, source: PhotoSource): Promise<PhotoEvidence> {
  const exif = await readExif(file, source);
  const rotated = source.orientation >= 5;
  const offset = exifText(exif?.OffsetTimeOriginal);
  const photoHashes = await computePhotoHashes(() => source.open());
  return {
    width: rotated ? source.height : source.width,
    height: rotated ? source.width : source.height,
    capturedAt: parseExifTime(exifText(exif?.DateTimeOriginal) ?? exifText(exif?.CreateDate), offset ?? DEFAULT_OFFSET),
    capturedOffset: offset,
    latitude: finite(exif?.latitude),
    longitude: finite(exif?.longitude),
    cameraMake: exifText(exif?.Make),
    cameraModel: exifText(exif?.Model),
    // The whole photo's pHash, kept in its own column for tools that read one hash.
    perceptualHash: photoHashes[0]!.p,
    photoHashes,
  };
}

const EXIF_OPTIONS = { reviveValues: false, gps: true, tiff: true, exif: true };
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

/**
 * exifr finds EXIF in JPEG, TIFF, HEIC and PNG files but not in WebP or every AVIF; there the decoder's
 * copy of the EXIF block (a TIFF structure behind an optional "Exif" header) is parsed instead.
 */
async function readExif(file: string, source: PhotoSource): Promise<Record<string, unknown> | null> {
  const parse = (input: string | Buffer) =>
    exifr.parse(input, EXIF_OPTIONS).catch(() => null) as Promise<Record<string, unknown> | null | undefined>;
  // exifr answers `{ errors }` for some files (AVIF written by libheif) rather than nothing.
  const fromFile = await parse(file);
  if ((fromFile && Object.keys(fromFile).some((key) => key !== 'errors')) || !source.exif) return fromFile ?? null;
  const block = source.exif.subarray(0, 6).equals(EXIF_HEADER) ? source.exif.subarray(6) : source.exif;
  return (await parse(block)) ?? null;
}

/** "2026:11:28 07:42:10" with "+08:00" → the UTC instant. Pure. */
export function parseExifTime(value: unknown, offset: string): Date | null {
  if (typeof value !== 'string') return null;
  const m = value.trim().match(/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
  if (!m || !/^[+-]\d{2}:\d{2}$/.test(offset)) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An EXIF text field as clean text, or null. Cameras pad fields with NUL bytes and other control
 * characters (PostgreSQL refuses NUL in text); they are dropped, as is whitespace around. Pure.
 */
export function exifText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return clean || null;
}

/**
 * Writes an upright JPEG no wider or taller than `maxSide`. sharp drops EXIF (and with it GPS)
 * from output unless asked to keep it, which is what we want for shared derivatives.
 */
export async function writePhotoDerivative(
  source: PhotoSource,
  output: string,
  maxSide: number,
): Promise<{ width: number; height: number }> {
  const info = await source
    .open()
    .rotate()
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
    .toFile(output);
  return { width: info.width, height: info.height };
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
