import type { MediaFailureCode, MediaFailureParams } from '../media/media-failure.ts';
import { AppError } from './app-error.ts';

/**
 * A file we will not accept or cannot play. `code` says why (translated for the uploader),
 * `params` fills in the numbers; the message is the English explanation for operators.
 */
export class MediaRejectedError extends AppError {
  override name = 'MediaRejectedError';
  readonly code: MediaFailureCode;

  constructor(code: MediaFailureCode, message: string, options: { params?: MediaFailureParams; cause?: unknown } = {}) {
    super(message, { cause: options.cause, params: options.params });
    this.code = code;
  }
}
