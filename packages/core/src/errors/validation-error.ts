import type { ErrorCode } from '@platform/contracts';
import { AppError, type ErrorParams, type FieldIssue } from './app-error.ts';

/** Input that is well-formed but breaks a rule; `details` lists every bad field with its code. */
export class ValidationError extends AppError {
  override name = 'ValidationError';
  readonly code = 'VALIDATION_FAILED';
  declare readonly details: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { details: issues });
  }

  /** Shorthand for a single bad field. */
  static field(field: string, code: ErrorCode, message: string, params?: ErrorParams): ValidationError {
    return new ValidationError([{ field, code, message, ...(params ? { params } : {}) }]);
  }
}
