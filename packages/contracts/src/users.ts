import { z } from 'zod';
import { Id, PageQuery, Role, text } from './common.ts';
import { namedFormat } from './rules.ts';

// The password policy (length, classes, user name, common list, reuse) needs the user name and the
// account's history, so the service checks it and names every rule broken.
const password = z.string().min(1).max(128);

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
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

/** Where an account is locked from after failed logins: each source (address, or IPv6 /64) with its lock. */
export const AccountLocks = z
  .object({
    locked: z.boolean(),
    sources: z.array(z.object({ source: z.string(), lockedUntil: z.string(), lockCount: z.number().int() })),
  })
  .meta({ id: 'AccountLocks' });
export type AccountLocks = z.infer<typeof AccountLocks>;

export const UserQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: Role.optional(),
  enterpriseId: Id.optional(),
});
export type UserQuery = z.infer<typeof UserQuery>;
