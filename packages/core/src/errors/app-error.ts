/** One problem with one input field, reported to the client as is. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `creditCode` or `shifts.0.startTime`. */
  field: string;
  message: string;
}

/**
 * Base of every expected failure a service can raise. The API maps each subclass to one HTTP
 * status; anything that is not an AppError is an internal error and its message is never shown.
 */
export abstract class AppError extends Error {
  /** Stable machine-readable code, e.g. `NOT_FOUND`. */
  abstract readonly code: string;
  readonly details: unknown;

  constructor(message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.details = options.details;
  }
}
