import type { FieldIssue } from '../errors/index.ts';

export interface UploadLimits {
  maxVideoBytes: number;
  maxPhotoBytes: number;
  partSizeBytes: number;
}

/** The kind a client claims by Content-Type; the bytes decide at completion. */
export type ClaimedKind = 'VIDEO' | 'PHOTO';

/** Checks a new upload's declared type and size; returns the claimed kind or the problems. Pure. */
export function checkUploadRequest(input: { contentType: string; size: number; fileName: string }, limits: UploadLimits): { kind: ClaimedKind } | { issues: FieldIssue[]; tooLarge: boolean } {
  const type = input.contentType.toLowerCase();
  const kind: ClaimedKind | null = type.startsWith('video/') || type.startsWith('audio/') ? 'VIDEO' : type.startsWith('image/') ? 'PHOTO' : null;
  if (!kind) {
    return { issues: [{ field: 'contentType', message: `"${input.contentType}" is not accepted; attach a video (MP4, MOV) or a photo (JPEG, PNG)` }], tooLarge: false };
  }
  const max = kind === 'VIDEO' ? limits.maxVideoBytes : limits.maxPhotoBytes;
  if (input.size > max) {
    return { issues: [{ field: 'size', message: `${formatBytes(input.size)} is over the ${formatBytes(max)} limit for a ${kind === 'VIDEO' ? 'video' : 'photo'}; trim or compress it` }], tooLarge: true };
  }
  return { kind };
}

/** Number of parts of `partSize` bytes needed for `size` bytes; at least one. */
export function partCount(size: number, partSize: number): number {
  return Math.max(1, Math.ceil(size / partSize));
}

/** Expected byte length of part `n` (1-based). */
export function expectedPartSize(n: number, size: number, partSize: number): number {
  const count = partCount(size, partSize);
  return n < count ? partSize : size - partSize * (count - 1);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
