import { z } from 'zod';
import { Id } from './common.ts';

/** One of the caller's open sessions (a signed-in browser or device), for the list they can sign out of. */
export const OwnSession = z
  .object({
    id: Id,
    createdAt: z.string(),
    lastSeenAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    /** The session this request came with. */
    current: z.boolean(),
  })
  .meta({ id: 'OwnSession' });
export type OwnSession = z.infer<typeof OwnSession>;

/** How many sessions a security administrator's revocation ended. */
export const SessionsRevoked = z.object({ revoked: z.number().int() }).meta({ id: 'SessionsRevoked' });
export type SessionsRevoked = z.infer<typeof SessionsRevoked>;
