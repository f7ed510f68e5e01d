import type { ErrorCode } from '@platform/contracts';
import { AppError, type ErrorParams } from './app-error.ts';

/**
 * A limit on how much one user, session or enterprise may hold open at once (uploads, event
 * streams). `code` names the limit; the caller may try again after `retryAfterSeconds`.
 */
export class QuotaExceededError extends AppError {
  override name = 'QuotaExceededError';
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number;

  constructor(code: ErrorCode, message: string, options: { params?: ErrorParams; retryAfterSeconds: number }) {
    super(message, { params: options.params });
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
