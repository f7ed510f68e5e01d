import { z } from 'zod';

/** Body of every error response: `{ error: { code, message, details } }`. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid({ error: 'must be a UUID' });

export const IdParams = z.object({ id: Id });

export const RiskLevel = z.enum(['RED', 'ORANGE', 'YELLOW', 'BLUE']);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const Role = z.enum(['ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR', 'ENTERPRISE_OFFICER', 'WORKER']);
export type Role = z.infer<typeof Role>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of `item`s with the total count across pages. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A non-empty trimmed string with a length limit. */
export const text = (max: number) =>
  z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });

export const Timestamp = z.string().meta({ format: 'date-time', description: 'ISO 8601 instant' });
