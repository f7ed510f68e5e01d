import type { ErrorCode } from '@platform/contracts';

/** Values that fill in a code's translation, by the param names the registry declares. */
export type ErrorParams = Record<string, string | number>;

/** One problem with one input field, reported to the client as is. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `creditCode` or `shifts.0.startTime`. */
  field: string;
  /** Stable code of the rule the field broke, translated by the web app. */
  code: ErrorCode;
  params?: ErrorParams;
  /** English explanation for API integrators; never shown to end users. */
  message: string;
}

/**
 * Base of every expected failure a service can raise. The API maps each subclass to one HTTP
 * status; anything that is not an AppError is an internal error and its message is never shown.
 */
export abstract class AppError extends Error {
  /** Stable machine-readable code from the registry in `@platform/contracts`, e.g. `NOT_FOUND`. */
  abstract readonly code: ErrorCode;
  /** Values for the code's translation (see ERROR_CODES for the names each code declares). */
  readonly params: ErrorParams;
  readonly details: unknown;

  /** `message` is English for operators and API integrators; users see the translated `code`. */
  constructor(message: string, options: { params?: ErrorParams; details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.params = options.params ?? {};
    this.details = options.details;
  }
}
