// How a contract rule carries its error code. The English `error` text is for API integrators;
// what the client translates is structured: a named string format (reported by zod as
// `invalid_format` with that `format`, mapped to FIELD_INVALID_FORMAT{format}) or a refinement
// whose `params.code` names a registry code. Never put a code inside a message.
import { z } from 'zod';
import type { ErrorCode, FieldFormat } from './error-codes.ts';

/**
 * A string pattern with a name from FIELD_FORMATS, for `.check()`. A mismatch is reported as
 * FIELD_INVALID_FORMAT with `{ format }`; OpenAPI shows the name as `format` and the pattern.
 */
export function namedFormat(format: FieldFormat, pattern: RegExp, message: string) {
  return z.stringFormat(format, pattern, { error: message });
}

/** Options for `.refine()` whose failure is reported with `code` from the registry. */
export function rule(code: ErrorCode, message: string): { error: string; params: { code: ErrorCode } } {
  return { error: message, params: { code } };
}
