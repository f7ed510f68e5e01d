import type { Role } from '@platform/contracts';

/** Who is calling: a logged-in user or an enterprise system holding an API token. */
export interface Actor {
  /** User id; for API tokens, the id of the user who created the token (may be null). */
  userId: string | null;
  username: string;
  role: Role;
  enterpriseId: string | null;
  zoneId: string | null;
  /** Set when the call is authenticated by an API token rather than a session. */
  apiTokenId?: string;
  /** Set when the call is authenticated by a session cookie: what it is given (media links) ends with it. */
  sessionId?: string;
}

/** Which enterprises an actor may see. */
export type EnterpriseScope =
  { kind: 'all' } | { kind: 'zone'; zoneId: string } | { kind: 'enterprise'; enterpriseId: string } | { kind: 'none' };
