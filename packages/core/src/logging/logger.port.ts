/**
 * Structured logging as the packages need it: a message plus fields, with failures always under
 * `err` so the process's logger prints their stack and cause chain. Pino's logger satisfies it;
 * packages take one as a parameter and never create their own.
 */
export interface Logger {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
  info(message: string): void;
  debug(fields: object, message: string): void;
  debug(message: string): void;
  /** A logger that adds `bindings` (e.g. a job id) to every line. */
  child(bindings: Record<string, unknown>): Logger;
}
