import { AppError, type FieldIssue } from './app-error.ts';

/** A declared or sent size over a limit; `details` lists the fields, each with its own code. */
export class PayloadTooLargeError extends AppError {
  override name = 'PayloadTooLargeError';
  readonly code = 'PAYLOAD_TOO_LARGE';
  declare readonly details: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { details: issues });
  }
}
