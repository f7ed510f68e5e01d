import { S3ServiceException } from '@aws-sdk/client-s3';
import { InvalidPartError } from './errors/invalid-part-error.ts';
import { ObjectNotFoundError } from './errors/object-not-found-error.ts';
import { StorageError } from './errors/storage-error.ts';
import { StorageUnavailableError } from './errors/storage-unavailable-error.ts';
import { UploadNotFoundError } from './errors/upload-not-found-error.ts';

/** What an S3 call was doing, to name it in the error it becomes. */
export interface S3CallContext {
  operation: string;
  key?: string;
  uploadId?: string;
}

/** The S3 error code (`NoSuchKey`, `NotFound`…) of an SDK error, if it is one. */
export function s3ErrorCode(error: unknown): string | undefined {
  return error instanceof S3ServiceException ? error.name : undefined;
}

/** HTTP status of an SDK error's response, if it got one. */
export function s3HttpStatus(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

// Socket-level failures: the store is down, restarting or unreachable, not the request at fault.
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'TimeoutError',
]);

/** True when the store did not answer at all, or answered 503 (overloaded, or a gateway with no store behind it). */
export function isStoreUnavailable(error: unknown): boolean {
  const status = s3HttpStatus(error);
  if (status !== undefined) return status === 503;
  const failure = error as { code?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  return [failure?.code, failure?.name, failure?.cause?.code].some((code) => typeof code === 'string' && UNREACHABLE.has(code));
}

/**
 * The storage error for a failed S3 call: missing keys and uploads and bad parts get their own
 * classes (range errors are handled where the size is known); anything else becomes a
 * {@link StorageError} keeping the SDK error as cause.
 */
export function toStorageError(error: unknown, context: S3CallContext): Error {
  if (error instanceof StorageError) return error;
  const code = s3ErrorCode(error);
  const { key, uploadId } = context;
  // HEAD responses carry no body, so a missing key surfaces as a bare `NotFound`.
  if ((code === 'NoSuchKey' || code === 'NotFound') && key !== undefined) return new ObjectNotFoundError(key, { cause: error });
  if (code === 'NoSuchUpload' && uploadId !== undefined) return new UploadNotFoundError(uploadId, { cause: error });
  if ((code === 'InvalidPart' || code === 'InvalidPartOrder' || code === 'EntityTooSmall') && uploadId !== undefined) {
    return new InvalidPartError(uploadId, (error as Error).message, { cause: error });
  }
  const what = [context.operation, key && `of ${JSON.stringify(key)}`].filter(Boolean).join(' ');
  const detail = code ? `${code}: ${(error as Error).message}` : ((error as Error)?.message ?? String(error));
  if (isStoreUnavailable(error))
    return new StorageUnavailableError(`S3 ${what} failed: the store is unavailable (${detail})`, { cause: error });
  return new StorageError(`S3 ${what} failed (${detail})`, { cause: error });
}
