import { AppError, type FieldIssue } from './app-error.ts';

/** A declared or sent size over a limit. */
export class PayloadTooLargeError extends AppError {
  override name = 'PayloadTooLargeError';
  readonly code = 'TOO_LARGE';

  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { details: issues });
  }
}
