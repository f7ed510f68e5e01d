import { StorageError } from './errors/storage-error.ts';
import type { ObjectBody } from './object-store.ts';

/** S3 refuses presigned URLs valid for longer than a week. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** S3's cap on keys per listing page, parts per ListParts page and keys per DeleteObjects call. */
const MAX_PAGE_SIZE = 1000;

/** Signing options for `getSignedUrl`, after checking the lifetime S3 would accept. */
export function expiry(expiresInSeconds: number): { expiresIn: number } {
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_SECONDS) {
    throw new RangeError(`Presigned URLs must expire in 1 to ${MAX_PRESIGN_SECONDS} seconds, got ${expiresInSeconds}`);
  }
  return { expiresIn: expiresInSeconds };
}

/** The configured page size, defaulting to S3's maximum. */
export function pageSize(configured: number | undefined): number {
  const size = configured ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${size}`);
  }
  return size;
}

/** The Content-Length to send: S3 rejects streamed bodies of unknown length, so say so before sending. */
export function bodyLength(body: ObjectBody, contentLength: number | undefined): number {
  if (Buffer.isBuffer(body)) {
    if (contentLength !== undefined && contentLength !== body.length) {
      throw new StorageError(`contentLength ${contentLength} does not match the ${body.length}-byte body`);
    }
    return body.length;
  }
  if (contentLength === undefined) throw new StorageError('contentLength is required to send a stream to S3');
  return contentLength;
}
