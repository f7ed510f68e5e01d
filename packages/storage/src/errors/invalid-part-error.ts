import { StorageError } from './storage-error.ts';

/**
 * Completing a multipart upload failed because of its parts: one is missing or its ETag does
 * not match, a part other than the last is under the 5 MiB minimum, or there are no parts.
 * The upload stays open, so the client can re-send parts and try again.
 */
export class InvalidPartError extends StorageError {
  override name = 'InvalidPartError';
  readonly uploadId: string;

  constructor(uploadId: string, message: string, options: { cause?: unknown } = {}) {
    super(`Multipart upload ${JSON.stringify(uploadId)}: ${message}`, options);
    this.uploadId = uploadId;
  }
}
