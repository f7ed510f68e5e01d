import { describe, expect, it } from 'vitest';
import { sessionEndedError } from './session-end.ts';

describe('sessionEndedError', () => {
  it('tells the user why each kind of ending happened', () => {
    const codes = Object.fromEntries(
      (
        [
          'REPLACED',
          'PASSWORD_CHANGED',
          'PASSWORD_RESET',
          'DEACTIVATED',
          'SIGNED_OUT_BY_USER',
          'REVOKED_BY_ADMIN',
          'MFA_RESET',
          'LOGOUT',
        ] as const
      ).map((reason) => [reason, sessionEndedError(reason, 30).code]),
    );
    expect(codes).toEqual({
      REPLACED: 'SESSION_REPLACED',
      PASSWORD_CHANGED: 'SESSION_REVOKED_PASSWORD',
      PASSWORD_RESET: 'SESSION_REVOKED_PASSWORD',
      DEACTIVATED: 'ACCOUNT_DEACTIVATED',
      SIGNED_OUT_BY_USER: 'SESSION_SIGNED_OUT',
      REVOKED_BY_ADMIN: 'SESSION_REVOKED_ADMIN',
      MFA_RESET: 'SESSION_REVOKED_ADMIN',
      LOGOUT: 'SESSION_INVALID',
    });
  });

  it('gives the idle timeout its minutes and an unknown session the generic code', () => {
    expect(sessionEndedError('IDLE', 30)).toMatchObject({ code: 'SESSION_IDLE_TIMEOUT', params: { minutes: 30 } });
    expect(sessionEndedError(null, 30).code).toBe('SESSION_INVALID');
  });
});
