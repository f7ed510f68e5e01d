import { z } from 'zod';
import { Id, Role } from './common.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, { error: 'enter your username' }).max(64),
  password: z.string().min(1, { error: 'enter your password' }).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: Role,
    enterprise: z.object({ id: Id, name: z.string() }).nullable(),
    zone: z.object({ id: Id, name: z.string() }).nullable(),
    sessionExpiresAt: z.string().nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
