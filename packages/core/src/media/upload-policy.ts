import type { FieldIssue } from '../errors/index.ts';

export interface UploadLimits {
  maxVideoBytes: number;
  maxPhotoBytes: number;
  /** PDF documents: content uploads only. */
  maxDocumentBytes: number;
  partSizeBytes: number;
}

/** What an upload is for: a meeting's evidence, or the platform's training and library material. */
export type UploadPurpose = 'evidence' | 'content';

/**
 * What a client's declared Content-Type suggests. `UNKNOWN` (application/octet-stream, a camera's
 * own type) is not refused: the bytes decide at completion.
 */
export type ClaimedKind = 'VIDEO' | 'PHOTO' | 'DOCUMENT' | 'UNKNOWN';

const PDF = 'application/pdf';

// Types a browser gives documents, archives and text: certainly not a recording or a photo.
const NOT_MEDIA = [
  /^text\//,
  /^font\//,
  /^model\//,
  /^application\/(pdf|json|xml|javascript|zip|gzip|x-(rar|7z|tar|zip)[\w.+-]*|msword|rtf)$/,
  /^application\/vnd\.(ms-excel|ms-powerpoint|openxmlformats|oasis)/,
];

/**
 * Checks a new upload's declared type and size; returns the claimed kind or the problems. Evidence
 * is a recording or a photo; content (training and library material) may also be a PDF. Pure.
 */
export function checkUploadRequest(
  input: { contentType: string; size: number; fileName: string },
  limits: UploadLimits,
  purpose: UploadPurpose = 'evidence',
): { kind: ClaimedKind } | { issues: FieldIssue[]; tooLarge: boolean } {
  const type = input.contentType.toLowerCase();
  if (purpose === 'content' && type === PDF) {
    if (input.size <= limits.maxDocumentBytes) return { kind: 'DOCUMENT' };
    return {
      issues: [
        {
          field: 'size',
          code: 'UPLOAD_DOCUMENT_TOO_LARGE',
          params: { size: formatBytes(input.size), limit: formatBytes(limits.maxDocumentBytes) },
          message: `${formatBytes(input.size)} is over the ${formatBytes(limits.maxDocumentBytes)} limit for a document; compress or split it`,
        },
      ],
      tooLarge: true,
    };
  }
  if (NOT_MEDIA.some((pattern) => pattern.test(type))) {
    return {
      issues: [
        {
          field: 'contentType',
          code: 'UPLOAD_TYPE_NOT_MEDIA',
          params: { contentType: input.contentType },
          message: `"${input.contentType}" is not a video, audio recording or photo; attach one of those`,
        },
      ],
      tooLarge: false,
    };
  }
  const kind: ClaimedKind =
    type.startsWith('video/') || type.startsWith('audio/') ? 'VIDEO' : type.startsWith('image/') ? 'PHOTO' : 'UNKNOWN';
  // An unknown type may turn out to be a video (or, for content, a PDF), so it gets the larger limit.
  const max = kind === 'PHOTO' ? limits.maxPhotoBytes : limits.maxVideoBytes;
  if (input.size > max) {
    const code = kind === 'PHOTO' ? 'UPLOAD_PHOTO_TOO_LARGE' : 'UPLOAD_VIDEO_TOO_LARGE';
    return {
      issues: [
        {
          field: 'size',
          code,
          params: { size: formatBytes(input.size), limit: formatBytes(max) },
          message: `${formatBytes(input.size)} is over the ${formatBytes(max)} limit for a ${kind === 'PHOTO' ? 'photo' : 'video'}; trim or compress it`,
        },
      ],
      tooLarge: true,
    };
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
