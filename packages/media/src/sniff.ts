import { fileTypeFromBuffer } from 'file-type';

export interface SniffResult {
  kind: 'VIDEO' | 'PHOTO' | 'HEIC' | 'OTHER';
  /** MIME type detected from the bytes, or null when unknown (e.g. text). */
  mime: string | null;
}

const VIDEO = new Set(['video/mp4', 'video/quicktime', 'video/x-matroska', 'video/webm', 'video/3gpp', 'video/x-msvideo', 'video/mp2t', 'audio/mp4', 'audio/x-m4a', 'audio/mpeg', 'audio/aac']);
const PHOTO = new Set(['image/jpeg', 'image/png', 'image/webp']);
const HEIC = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);

/** Decides what a file is from its first bytes (at least 4100), never from its name. */
export async function sniffFile(head: Uint8Array): Promise<SniffResult> {
  const type = await fileTypeFromBuffer(head);
  const mime = type?.mime ?? null;
  if (mime && VIDEO.has(mime)) return { kind: 'VIDEO', mime };
  if (mime && PHOTO.has(mime)) return { kind: 'PHOTO', mime };
  if (mime && HEIC.has(mime)) return { kind: 'HEIC', mime };
  return { kind: 'OTHER', mime };
}
