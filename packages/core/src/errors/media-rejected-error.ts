import { AppError } from './app-error.ts';

/** A file we will not accept or cannot play; the message tells the uploader what to do. */
export class MediaRejectedError extends AppError {
  override name = 'MediaRejectedError';
  readonly code = 'MEDIA_REJECTED';
}
