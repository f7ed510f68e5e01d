// Carries a photo's EXIF block (capture time, GPS, camera) into its resized copy. A canvas writes
// a bare JPEG, and the evidence checks read those tags, so the original APP1 segment is copied
// over with its orientation reset: the pixels are already upright after decoding.

const SOI = 0xffd8;
const APP1 = 0xffe1;
const SOS = 0xffda;
const ORIENTATION = 0x0112;

/** The APP1 "Exif" segment of a JPEG, marker included; null when there is none. */
export function exifSegmentOf(jpeg: Uint8Array): Uint8Array | null {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (jpeg.length < 4 || view.getUint16(0) !== SOI) return null;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    const marker = view.getUint16(at);
    if ((marker & 0xff00) !== 0xff00 || marker === SOS) return null;
    const length = view.getUint16(at + 2);
    const isExif = marker === APP1 && String.fromCharCode(...jpeg.subarray(at + 4, at + 10)) === 'Exif\0\0';
    if (isExif) return jpeg.slice(at, at + 2 + length);
    at += 2 + length;
  }
  return null;
}

/** Sets IFD0's Orientation tag to 1 (upright) in an APP1 segment, in place. */
export function resetOrientation(segment: Uint8Array): void {
  const tiff = 10; // marker (2) + length (2) + "Exif\0\0" (6)
  if (segment.length < tiff + 8) return;
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  const little = view.getUint16(tiff) === 0x4949;
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > segment.length) return;
  const count = view.getUint16(ifd0, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > segment.length) return;
    if (view.getUint16(entry, little) === ORIENTATION) view.setUint16(entry + 8, 1, little);
  }
}

/** The JPEG with `segment` inserted right after its start marker. */
export function withSegment(jpeg: Uint8Array, segment: Uint8Array): Uint8Array {
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
