import { UnauthorizedError } from '../errors/index.ts';
import type { SessionEndReason } from './session.port.ts';

/**
 * The 401 for a request on a session that has ended, saying why, so the web app can tell the user
 * that a login elsewhere replaced it or that their password was changed rather than just
 * "log in again". Pure; `idleMinutes` fills SESSION_IDLE_TIMEOUT's param.
 */
export function sessionEndedError(reason: SessionEndReason | null, idleMinutes: number): UnauthorizedError {
  switch (reason) {
    case 'REPLACED':
      return new UnauthorizedError('SESSION_REPLACED', 'Your account was signed in elsewhere, which ended this session.');
    case 'PASSWORD_CHANGED':
    case 'PASSWORD_RESET':
      return new UnauthorizedError('SESSION_REVOKED_PASSWORD', 'The password of this account was changed; log in with the new one.');
    case 'REVOKED_BY_ADMIN':
    case 'MFA_RESET':
      return new UnauthorizedError('SESSION_REVOKED_ADMIN', 'A security administrator ended the sessions of this account.');
    case 'SIGNED_OUT_BY_USER':
      return new UnauthorizedError('SESSION_SIGNED_OUT', 'This session was signed out from another device.');
    case 'DEACTIVATED':
      return accountDeactivatedError();
    case 'IDLE':
      return new UnauthorizedError('SESSION_IDLE_TIMEOUT', `Your session timed out after ${idleMinutes} minutes of inactivity.`, {
        params: { minutes: idleMinutes },
      });
    case 'LOGOUT':
    case null:
      return new UnauthorizedError('SESSION_INVALID', 'You are not logged in, or your session was ended. Log in again.');
  }
}

/** The 401 for any session of an account an administrator has deactivated. */
export function accountDeactivatedError(): UnauthorizedError {
  return new UnauthorizedError('ACCOUNT_DEACTIVATED', 'This account has been deactivated.');
}
