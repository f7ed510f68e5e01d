import { FIELD_FORMATS, isErrorCode, type ErrorCode } from './error-codes.ts';

/** The parts of a zod issue this mapping reads; fastify-type-provider-zod passes them as `params`. */
export interface ZodIssueFacts {
  code?: string;
  expected?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  format?: string;
  params?: Record<string, unknown>;
}

const isFormat = (value: unknown): value is (typeof FIELD_FORMATS)[number] => (FIELD_FORMATS as readonly unknown[]).includes(value);

/**
 * The registry code and params for one zod issue. `present` says whether the field had a value at
 * all, which zod's issue does not record, so a missing field reads as FIELD_REQUIRED rather than a
 * wrong type.
 */
export function codeOfZodIssue(issue: ZodIssueFacts, present: boolean): { code: ErrorCode; params?: Record<string, string | number> } {
  const num = (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value as number));
  switch (issue.code) {
    case 'invalid_type':
      if (!present) return { code: 'FIELD_REQUIRED' };
      if (issue.expected === 'int') return { code: 'FIELD_NOT_INTEGER' };
      return { code: 'FIELD_INVALID_TYPE', params: { expected: String(issue.expected) } };
    case 'too_small': {
      const min = num(issue.minimum);
      if (issue.origin === 'string') return min === 1 ? { code: 'FIELD_NOT_EMPTY' } : { code: 'FIELD_TOO_SHORT', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'FIELD_TOO_FEW', params: { min } };
      return issue.inclusive === false ? { code: 'FIELD_NOT_ABOVE', params: { min } } : { code: 'FIELD_TOO_SMALL', params: { min } };
    }
    case 'too_big': {
      const max = num(issue.maximum);
      if (issue.origin === 'string') return { code: 'FIELD_TOO_LONG', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'FIELD_TOO_MANY', params: { max } };
      return { code: 'FIELD_TOO_BIG', params: { max } };
    }
    case 'invalid_format':
      return isFormat(issue.format) ? { code: 'FIELD_INVALID_FORMAT', params: { format: issue.format } } : { code: 'FIELD_INVALID' };
    case 'invalid_value':
      return { code: 'FIELD_INVALID_ENUM' };
    case 'unrecognized_keys':
      return { code: 'FIELD_UNKNOWN' };
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      if (!isErrorCode(code)) return { code: 'FIELD_INVALID' };
      const values = Object.fromEntries(
        Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
      );
      return Object.keys(values).length ? { code, params: values } : { code };
    }
    default:
      return { code: 'FIELD_INVALID' };
  }
}
