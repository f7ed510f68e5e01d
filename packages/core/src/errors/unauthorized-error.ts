import type { ErrorCode } from '@platform/contracts';
import { AppError, type ErrorParams } from './app-error.ts';

/** No valid session or token: bad credentials, expired or revoked session; `code` says which. */
export class UnauthorizedError extends AppError {
  override name = 'UnauthorizedError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { params?: ErrorParams; cause?: unknown } = {}) {
    super(message, options);
    this.code = code;
  }
}
