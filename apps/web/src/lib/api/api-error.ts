import { translateError } from '../i18n/index.ts';

/** Values that fill in an error code's translation. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * One field the server rejected, as sent in `error.details` of a 400 response. `code` and
 * `params` are what the user is told; `message` is the server's English note for integrators.
 */
export interface FieldIssue {
  field: string;
  code: string;
  params?: ErrorParams;
  message: string;
}

/**
 * A request that did not succeed: a non-2xx answer from the API, or no answer at all
 * (`status` 0, code `NETWORK`). Forms show `fieldErrors` next to their fields and the translated
 * `code` (see describeError) above them. `message` is the server's English text, for logs only.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Stable machine-readable code from the server's registry, e.g. `VALIDATION_FAILED`, `USERNAME_TAKEN`. */
  readonly code: string;
  /** Values for the code's translation. */
  readonly params: ErrorParams;
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The user-facing message per field path (`creditCode`, `members.0.name`), translated from its code. */
  readonly fieldErrors: Record<string, string>;
  readonly details: unknown;
  /** From the `retry-after` header of a 429, when present. */
  readonly retryAfterSeconds: number | null;

  constructor(
    init: { code: string; message: string; status: number; params?: ErrorParams; details?: unknown; retryAfterSeconds?: number | null },
    options: { cause?: unknown } = {},
  ) {
    super(init.message, { cause: options.cause });
    this.code = init.code;
    this.params = init.params ?? {};
    this.status = init.status;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.fieldErrors = fieldErrorsOf(init.details);
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldIssue).field === 'string' &&
    typeof (value as FieldIssue).code === 'string'
  );
}

/** The first issue per field, translated; a field can fail several rules but one message is enough to fix it. */
function fieldErrorsOf(details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) return errors;
  for (const issue of details) {
    if (isFieldIssue(issue) && !(issue.field in errors)) errors[issue.field] = translateError(issue.code, issue.params);
  }
  return errors;
}
