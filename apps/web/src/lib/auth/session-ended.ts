import { t, translateError } from '$lib/i18n/index.ts';

// 401 codes that mean a session the user had has ended. Others (UNAUTHENTICATED on a first
// visit, a second factor still owed) are no news to give on the login page.
const ENDED = new Set([
  'SESSION_INVALID',
  'SESSION_EXPIRED',
  'SESSION_IDLE_TIMEOUT',
  'SESSION_REPLACED',
  'SESSION_REVOKED_PASSWORD',
  'SESSION_REVOKED_ADMIN',
  'SESSION_SIGNED_OUT',
  'ACCOUNT_DEACTIVATED',
]);
// Those whose own words need no params, so they can be said from the code in the URL alone.
const TOLD = new Set([
  'SESSION_REPLACED',
  'SESSION_REVOKED_PASSWORD',
  'SESSION_REVOKED_ADMIN',
  'SESSION_SIGNED_OUT',
  'ACCOUNT_DEACTIVATED',
]);

/** The code to carry to the login page (`?ended=`), or null when the 401 was not about an ended session. */
export function endedCodeOf(code: string | null | undefined): string | null {
  return code && ENDED.has(code) ? code : null;
}

/**
 * What the login page says about why the user is there again: the reason the server gave (a login
 * elsewhere, a password change, deactivation…), else that the session expired; null when nothing
 * ended. The code comes from the URL, so only known codes are put into words.
 */
export function endedNotice(code: string | null): string | null {
  if (!code) return null;
  return TOLD.has(code) ? translateError(code) : t.auth.sessionExpired;
}
