/** Why a session ended; stored with it so the user can be told on their next request. */
export type SessionEndReason =
  | 'LOGOUT'
  | 'IDLE'
  | 'REPLACED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'DEACTIVATED'
  | 'SIGNED_OUT_BY_USER'
  | 'REVOKED_BY_ADMIN'
  | 'MFA_RESET';

/** One open session of a user, as its owner sees it in the list of signed-in devices. */
export interface OpenSessionRecord {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** What decides whether a session may still be used. */
export interface SessionState {
  userId: string;
  userActive: boolean;
  revokedAt: Date | null;
  endedReason: SessionEndReason | null;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Which of a user's sessions to end: all of them, some by id, or all but one. */
export interface SessionSelection {
  userId: string;
  ids?: string[];
  exceptId?: string;
}

/** Persistence of sessions beyond the login itself: listing, ending and liveness checks. */
export interface SessionRepository {
  /** A user's sessions that are neither ended nor past `expiresAt`, nor idle since `activeSince`; newest first. */
  listOpen(userId: string, now: Date, activeSince: Date): Promise<OpenSessionRecord[]>;
  /** Ends the selected sessions that are still open, in one statement; returns the ids it ended. */
  end(selection: SessionSelection, at: Date, reason: SessionEndReason): Promise<string[]>;
  findState(sessionId: string): Promise<SessionState | null>;
  /** Whether an API token can still be used (media links issued to it live as long as it does). */
  findApiTokenState(tokenId: string): Promise<{ revokedAt: Date | null; expiresAt: Date | null; enterpriseActive: boolean } | null>;
  /** The account a security administrator is acting on; null when there is none. */
  findUser(userId: string): Promise<{ id: string; enterpriseId: string | null } | null>;
}

/**
 * Internal notice that sessions ended, sent to every API instance (never to clients) so each can
 * close the event streams and forget the cached media-link checks of those sessions at once.
 */
export interface SessionEndedNotice {
  sessionIds: string[];
  reason: SessionEndReason;
}

/** Sends {@link SessionEndedNotice}s to every API instance. */
export interface SessionNoticePublisher {
  publishSessionsEnded(notice: SessionEndedNotice): Promise<void>;
}

/** Receives {@link SessionEndedNotice}s from any instance. Returns an unsubscribe function. */
export interface SessionNoticeSubscriber {
  onSessionsEnded(listener: (notice: SessionEndedNotice) => void): () => void;
}
