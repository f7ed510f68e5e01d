import { z } from 'zod';
import { Id, PageQuery, Role, text } from './common.ts';
import { namedFormat, rule } from './rules.ts';

const password = z
  .string()
  .min(8, { error: 'must be at least 8 characters' })
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), rule('PASSWORD_TOO_WEAK', 'must contain letters and digits'));

export const UserInput = z.object({
  username: text(64).check(namedFormat('username', /^[a-zA-Z0-9_.-]+$/, 'use letters, digits, _ . and - only')),
  displayName: text(64),
  role: Role,
  enterpriseId: Id.nullable().optional(),
  zoneId: Id.nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  password,
});
export type UserInput = z.infer<typeof UserInput>;

export const UserUpdate = UserInput.omit({ username: true, password: true }).partial().extend({
  password: password.optional(),
  active: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const User = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: Role,
    enterprise: z.object({ id: Id, name: z.string() }).nullable(),
    zone: z.object({ id: Id, name: z.string() }).nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: Role.optional(),
  enterpriseId: Id.optional(),
});
export type UserQuery = z.infer<typeof UserQuery>;

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorName: z.string().nullable(),
    actorRole: Role.nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    outcome: z.enum(['SUCCESS', 'DENIED', 'FAILURE']),
    ip: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({ action: z.string().max(64).optional(), actorId: Id.optional() });
export type AuditQuery = z.infer<typeof AuditQuery>;
