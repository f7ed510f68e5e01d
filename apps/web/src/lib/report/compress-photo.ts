import { exifSegmentOf, resetOrientation, withSegment } from './jpeg-exif.ts';

/** Photos are sent at most this large on their long side: plenty for evidence and the wall. */
export const PHOTO_LONG_SIDE = 2048;
const QUALITY = 0.85;
// Below this a photo is sent as it is: resizing would save little and cost the phone time.
const SMALL_BYTES = 1_500_000;

/**
 * A resized JPEG of the photo with its EXIF block kept, or null to send the original (small
 * already, a format the browser cannot decode such as HEIC, or no canvas support).
 */
export async function compressPhoto(file: File): Promise<File | null> {
  if (file.size <= SMALL_BYTES || typeof OffscreenCanvas === 'undefined') return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null; // HEIC on most browsers: the server converts it.
  }
  try {
    const scale = Math.min(1, PHOTO_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const resized = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY })).arrayBuffer());
    const exif = file.type === 'image/jpeg' || /\.jpe?g$/i.test(file.name) ? exifSegmentOf(new Uint8Array(await file.arrayBuffer())) : null;
    if (exif) resetOrientation(exif);
    const bytes = exif ? withSegment(resized, exif) : resized;
    if (bytes.length >= file.size) return null;
    return new File([bytes as BlobPart], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
