// Where an asset's files live in the object store. Everything of an asset sits under one
// prefix, so reprocessing or deleting it is one prefix delete.

/** Prefix of everything belonging to an asset. */
export const assetPrefix = (assetId: string) => `media/${assetId}/`;
/** The uploaded original. */
export const sourceKey = (assetId: string) => `media/${assetId}/source`;
/** Derived files (HLS, poster, sprite, thumbnails) under one sub-prefix, replaced on reprocessing. */
export const derivedPrefix = (assetId: string) => `media/${assetId}/out/`;
export const derivedKey = (assetId: string, file: string) => `media/${assetId}/out/${file}`;

/** A DOCUMENT's checked PDF, relative to the derived prefix: what viewers get (never the source). */
export const DOCUMENT_FILE = 'document.pdf';

// Files a viewer may fetch, relative to the derived prefix. The source is never delivered.
const DELIVERABLE = [
  /^master\.m3u8$/,
  /^(\d{2,4}p|audio)\/(index\.m3u8|init\.mp4|seg_\d{5}\.m4s)$/,
  /^(poster|sprite|thumb-320|thumb-1280)\.jpg$/,
  /^sprite\.vtt$/,
  /^document\.pdf$/,
];

/** True when `path` names a derived file that may be delivered to viewers. */
export function isDeliverablePath(path: string): boolean {
  return DELIVERABLE.some((re) => re.test(path));
}

const CONTENT_TYPES: [RegExp, string][] = [
  [/\.m3u8$/, 'application/vnd.apple.mpegurl'],
  [/\.mp4$/, 'video/mp4'],
  [/\.m4s$/, 'video/iso.segment'],
  [/\.jpg$/, 'image/jpeg'],
  [/\.vtt$/, 'text/vtt; charset=utf-8'],
  [/\.pdf$/, 'application/pdf'],
];

/** Content-Type of a derived file by its extension. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES.find(([re]) => re.test(path))?.[1] ?? 'application/octet-stream';
}
