import { StorageError } from './storage-error.ts';

/**
 * A multipart upload id is unknown, was aborted or completed, or belongs to another key. A
 * resuming client must start a new upload.
 */
export class UploadNotFoundError extends StorageError {
  override name = 'UploadNotFoundError';
  readonly uploadId: string;

  constructor(uploadId: string, options: { cause?: unknown } = {}) {
    super(`Multipart upload ${JSON.stringify(uploadId)} does not exist`, options);
    this.uploadId = uploadId;
  }
}
