import { fileTypeFromBuffer } from 'file-type';

/**
 * What the first bytes say a file is. `VIDEO` covers audio too and anything binary that no
 * signature names (raw H.264 from an NVR, say): ffprobe decides those in the worker, so the only
 * files refused here are ones that are certainly not media.
 */
export interface SniffResult {
  /** `DOCUMENT`: a PDF, which only training and library material may be (the upload service decides). */
  kind: 'VIDEO' | 'PHOTO' | 'DOCUMENT' | 'OTHER';
  /** MIME type detected from the bytes, or null when no signature matched. */
  mime: string | null;
}

// Containers file-type names outside video/* and audio/* that ffmpeg reads.
const OTHER_MEDIA = new Set(['application/mxf', 'application/vnd.ms-asf', 'application/x-shockwave-flash']);
// Images we do not render: scripts can hide in SVG, and icons or design files are never evidence.
const NOT_PHOTOS = new Set(['image/svg+xml', 'image/x-icon', 'image/vnd.microsoft.icon', 'image/vnd.adobe.photoshop']);

/** Decides what a file is from its first bytes (4100 at least; more lets file-type see further into TIFF-based files), never from its name or declared type. */
export async function sniffFile(head: Uint8Array): Promise<SniffResult> {
  if (isPdf(head)) return { kind: 'DOCUMENT', mime: 'application/pdf' };
  const mime = (await fileTypeFromBuffer(head))?.mime ?? null;
  return { kind: classify(mime, head), mime };
}

function classify(mime: string | null, head: Uint8Array): SniffResult['kind'] {
  if (mime === null) {
    // file-type names a TIFF only when its first directory lies inside the head; scanners and
    // cameras often put it after the pixels.
    if (isTiff(head)) return 'PHOTO';
    return looksLikeText(head) || head.length === 0 ? 'OTHER' : 'VIDEO';
  }
  const type = mime.toLowerCase();
  if (type.startsWith('image/')) return NOT_PHOTOS.has(type) ? 'OTHER' : 'PHOTO';
  if (type.startsWith('video/') || type.startsWith('audio/') || OTHER_MEDIA.has(type)) return 'VIDEO';
  return 'OTHER';
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** A PDF starts with "%PDF-": the one signature a document must have before its structure is checked. */
export function isPdf(head: Uint8Array): boolean {
  return PDF_MAGIC.every((byte, i) => head[i] === byte);
}

function isTiff(head: Uint8Array): boolean {
  const [a, b, c, d] = head;
  return (a === 0x49 && b === 0x49 && c === 0x2a && d === 0x00) || (a === 0x4d && b === 0x4d && c === 0x00 && d === 0x2a);
}

/**
 * Text (a playlist, HTML, a log, JSON) is printable UTF-8 without NUL bytes. Every media
 * container has binary headers within its first bytes, so a clean text head means not media.
 */
export function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 1024);
  if (sample.length === 0) return false;
  if (sample.includes(0)) return false;
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) control++;
  if (control > sample.length / 100) return false;
  try {
    // `stream` leaves a character cut off by the end of the sample pending instead of calling it invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}
