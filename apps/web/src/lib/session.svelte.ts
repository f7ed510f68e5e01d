import type { Me } from '@platform/contracts';

/**
 * The logged-in user, shared by every page. A module-level instance is safe here because the app
 * never renders on a server (ssr = false), so there is exactly one user per browser tab.
 */
class SessionState {
  user = $state<Me | null>(null);
  /** True once the server has been asked who is logged in, so the check runs once per page load. */
  checked = false;
  /**
   * The API's code for why the session ended (SESSION_REPLACED, ACCOUNT_DEACTIVATED…), carried to
   * the login page so it can say a login elsewhere replaced it rather than just "log in again".
   */
  ended: string | null = null;

  /** Records the answer of the server: the user, or null (and why, when a session had ended). */
  set(me: Me | null, ended: string | null = null): void {
    this.user = me;
    this.checked = true;
    this.ended = me ? null : ended;
  }

  /** Forgets the user after logout or an ended session; the next check sees nobody logged in. */
  clear(ended: string | null = null): void {
    this.user = null;
    this.ended = ended;
  }
}

export const session = new SessionState();
