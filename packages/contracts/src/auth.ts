import { z } from 'zod';
import { User } from './users.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, { error: 'enter your username' }).max(64),
  password: z.string().min(1, { error: 'enter your password' }).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The logged-in user: the account as admins see it, minus what only admins need, plus the session's end. */
export const Me = User.pick({ id: true, username: true, displayName: true, role: true, enterprise: true, zone: true })
  .extend({ sessionExpiresAt: z.string().nullable() })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
