import exifr from 'exifr';
import sharp from 'sharp';
import { perceptualHash } from './phash.ts';

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
}

// Local time of a camera without an offset tag: the platform's users are all in China.
const DEFAULT_OFFSET = '+08:00';

/**
 * Reads dimensions (after EXIF orientation), capture time with its offset, GPS, camera and the
 * perceptual hash. exifr would turn the time into a Date in this process's time zone and ignore
 * OffsetTimeOriginal, so raw strings are combined here.
 */
export async function analysePhoto(file: string): Promise<PhotoEvidence> {
  const meta = await sharp(file).metadata();
  const exif = (await exifr.parse(file, { reviveValues: false, gps: true, tiff: true, exif: true }).catch(() => null)) as Record<string, unknown> | null;
  const rotated = (meta.orientation ?? 1) >= 5;
  const offset = typeof exif?.OffsetTimeOriginal === 'string' ? exif.OffsetTimeOriginal.trim() : null;
  return {
    width: (rotated ? meta.height : meta.width) ?? 0,
    height: (rotated ? meta.width : meta.height) ?? 0,
    capturedAt: parseExifTime(exif?.DateTimeOriginal ?? exif?.CreateDate, offset ?? DEFAULT_OFFSET),
    capturedOffset: offset,
    latitude: finite(exif?.latitude),
    longitude: finite(exif?.longitude),
    cameraMake: typeof exif?.Make === 'string' ? exif.Make.trim() : null,
    cameraModel: typeof exif?.Model === 'string' ? exif.Model.trim() : null,
    perceptualHash: await photoHash(file),
  };
}

/** "2026:11:28 07:42:10" with "+08:00" → the UTC instant. Pure. */
export function parseExifTime(value: unknown, offset: string): Date | null {
  if (typeof value !== 'string') return null;
  const m = value.trim().match(/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
  if (!m || !/^[+-]\d{2}:\d{2}$/.test(offset)) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function photoHash(file: string): Promise<string> {
  const pixels = await sharp(file).rotate().greyscale().resize(32, 32, { fit: 'fill' }).raw().toBuffer();
  return perceptualHash(pixels);
}

/**
 * Writes an upright JPEG no wider or taller than `maxSide`. sharp drops EXIF (and with it GPS)
 * from output unless asked to keep it, which is what we want for shared derivatives.
 */
export async function writePhotoDerivative(file: string, output: string, maxSide: number): Promise<{ width: number; height: number }> {
  const info = await sharp(file).rotate().resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82, mozjpeg: true }).toFile(output);
  return { width: info.width, height: info.height };
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
