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

/**
 * Index of the first control character in `value`, or -1: C0 controls, DEL and C1 controls, and
 * with `lineBreaks: false` also tab, line feed and carriage return (single-line fields). Nobody
 * types them; they come from broken clients and probes, and PostgreSQL cannot store NUL at all.
 */
export function controlCharacterAt(value: string, options: { lineBreaks: boolean }): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const lineBreak = code === 0x09 || code === 0x0a || code === 0x0d;
    if ((code < 0x20 && !(lineBreak && options.lineBreaks)) || (code >= 0x7f && code <= 0x9f)) return i;
  }
  return -1;
}

/** A `.refine()` for single-line text: no control characters, no line breaks (FIELD_CONTROL_CHARACTER). */
export const singleLine = [
  (value: string) => controlCharacterAt(value, { lineBreaks: false }) < 0,
  rule('FIELD_CONTROL_CHARACTER', 'must be one line without control characters'),
] as const;
