import type { ErrorCode } from '@platform/contracts';
import { AppError, type ErrorParams } from './app-error.ts';

/** The caller is known but may not perform this action; `code` says which rule refused it. */
export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { params?: ErrorParams; cause?: unknown } = {}) {
    super(message, options);
    this.code = code;
  }
}
