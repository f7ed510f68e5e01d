import type { Role } from '@platform/contracts';
import type { SessionEndReason } from './session.port.ts';

export interface LoginCandidate {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  enterpriseId: string | null;
  zoneId: string | null;
  active: boolean;
  /** What decides the session's pending step (second factor, forced password change). */
  mfaEnabledAt: Date | null;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
}

export interface StoredSession {
  id: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  endedReason: SessionEndReason | null;
  /** The second factor is still owed (see session-step.ts). */
  mfaPending: boolean;
  user: {
    id: string;
    username: string;
    role: Role;
    enterpriseId: string | null;
    zoneId: string | null;
    active: boolean;
    mfaEnabledAt: Date | null;
    mustChangePassword: boolean;
    passwordChangedAt: Date;
  };
}

export interface StoredApiToken {
  id: string;
  enterpriseId: string;
  createdById: string | null;
  name: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  enterpriseZoneId: string;
  enterpriseActive: boolean;
}

/** Persistence the auth service needs: users' credentials, sessions and API tokens. */
export interface AuthRepository {
  findLoginCandidate(username: string): Promise<LoginCandidate | null>;
  recordSuccessfulLogin(userId: string, at: Date): Promise<void>;
  createSession(session: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    mfaPending: boolean;
  }): Promise<{ id: string }>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  touchSession(sessionId: string, at: Date): Promise<void>;
  revokeSession(sessionId: string, at: Date, reason: SessionEndReason): Promise<void>;
  createApiToken(token: {
    enterpriseId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    createdById: string | null;
    expiresAt: Date | null;
  }): Promise<{ id: string }>;
  findApiToken(tokenHash: string): Promise<StoredApiToken | null>;
  touchApiToken(tokenId: string, at: Date): Promise<void>;
}
