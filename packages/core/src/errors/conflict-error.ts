import type { ErrorCode } from '@platform/contracts';
import { AppError, type ErrorParams } from './app-error.ts';

/**
 * The request clashes with existing data or state, e.g. a taken username or a reviewed meeting.
 * `code` names the clash (USERNAME_TAKEN, MEETING_ALREADY_REVIEWED…) so the client can say which.
 */
export class ConflictError extends AppError {
  override name = 'ConflictError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { params?: ErrorParams; cause?: unknown } = {}) {
    super(message, options);
    this.code = code;
  }
}
