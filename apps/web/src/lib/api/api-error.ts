/** One field the server rejected, as sent in `error.details` of a 400 response. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * A request that did not succeed: a non-2xx answer from the API, or no answer at all
 * (`status` 0, code `NETWORK`). Forms show `fieldErrors` next to their fields and `message`
 * (or the translated `code`) above them.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Stable machine-readable code from the server, e.g. `VALIDATION_FAILED`, `CONFLICT`. */
  readonly code: string;
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** Server message per field path (`creditCode`, `members.0.name`). */
  readonly fieldErrors: Record<string, string>;
  readonly details: unknown;
  /** From the `retry-after` header of a 429, when present. */
  readonly retryAfterSeconds: number | null;

  constructor(
    init: { code: string; message: string; status: number; details?: unknown; retryAfterSeconds?: number | null },
    options: { cause?: unknown } = {},
  ) {
    super(init.message, { cause: options.cause });
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.fieldErrors = fieldErrorsOf(init.details);
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && typeof (value as FieldIssue).field === 'string' && typeof (value as FieldIssue).message === 'string';
}

/** The first message per field; a field can fail several rules but one message is enough to fix it. */
function fieldErrorsOf(details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) return errors;
  for (const issue of details) {
    if (isFieldIssue(issue) && !(issue.field in errors)) errors[issue.field] = issue.message;
  }
  return errors;
}
