import type { ErrorCode } from '@platform/contracts';
import { AppError, type ErrorParams } from './app-error.ts';

/**
 * Something the server needs for this request is not installed or configured (e.g. a CJK font for
 * PDF reports). Answered 503 with its code, so operators see what to install and users are told
 * to use another way (the printable page) rather than that their input was wrong.
 */
export class ServiceUnavailableError extends AppError {
  override name = 'ServiceUnavailableError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { params?: ErrorParams; cause?: unknown } = {}) {
    super(message, options);
    this.code = code;
  }
}
