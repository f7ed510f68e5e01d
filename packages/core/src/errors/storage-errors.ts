import { AppError } from './app-error.ts';

/** A media file that is not in storage (yet): processing has not published it, or it was removed. */
export class FileNotReadyError extends AppError {
  override name = 'FileNotReadyError';
  readonly code = 'FILE_NOT_READY';
}

/** A byte range that starts at or past the end of the file. */
export class RangeNotSatisfiableError extends AppError {
  override name = 'RangeNotSatisfiableError';
  readonly code = 'RANGE_NOT_SATISFIABLE';
}

/** A multipart upload that storage no longer knows (aborted, expired, completed elsewhere). */
export class UploadGoneError extends AppError {
  override name = 'UploadGoneError';
  readonly code = 'UPLOAD_GONE';
}

/** Storage found parts missing or of the wrong size when joining an upload. */
export class PartsIncompleteError extends AppError {
  override name = 'PartsIncompleteError';
  readonly code = 'PARTS_INCOMPLETE';
}
