import { z } from 'zod';
import { singleLine } from './rules.ts';

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * One rejected input field. Clients show a translation of `code` filled with `params`; `message`
 * explains the rule in English for API integrators and is not meant for end users.
 */
export const FieldIssue = z
  .object({
    field: z
      .string()
      .meta({ description: 'Dotted path of the field, e.g. `creditCode` or `attendance.0.absenceReason`', example: 'creditCode' }),
    code: z.string().meta({ description: 'A field code from the error-code registry', example: 'CREDIT_CODE_CHECK_DIGIT' }),
    params: Params.optional().meta({ example: { expected: '3', actual: '4' } }),
    message: z.string(),
  })
  .meta({ id: 'FieldIssue' });
export type FieldIssue = z.infer<typeof FieldIssue>;

/**
 * Body of every error response: `{ error: { code, message, params?, details? } }`. `code` is
 * stable (see ERROR_CODES) and `params` fill its translation; `message` is English for integrators
 * and operators. For VALIDATION_FAILED, `details` is the list of field issues.
 */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'A code from the error-code registry', example: 'VALIDATION_FAILED' }),
      message: z.string().meta({ description: 'English explanation for integrators; not for end users' }),
      params: Params.optional(),
      details: z.unknown().optional().meta({ description: 'For VALIDATION_FAILED and PAYLOAD_TOO_LARGE: an array of FieldIssue' }),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid({ error: 'must be a UUID' });

export const IdParams = z.object({ id: Id });

export const RiskLevel = z.enum(['RED', 'ORANGE', 'YELLOW', 'BLUE']);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const Role = z.enum([
  'ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
  'INSPECTOR',
  'ZONE_OFFICER',
  'COMMAND_OPERATOR',
  'ENTERPRISE_OFFICER',
  'WORKER',
]);
export type Role = z.infer<typeof Role>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of `item`s with the total count across pages. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** True when there are more than `total` (a list that stops counting at a cap). */
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  totalCapped?: boolean;
  total: number;
  page: number;
  pageSize: number;
}

/** A non-empty trimmed line of text with a length limit: names, codes, addresses. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine(...singleLine);

export const Timestamp = z.string().meta({ format: 'date-time', description: 'ISO 8601 instant' });
