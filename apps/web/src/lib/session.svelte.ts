import type { Me } from '@platform/contracts';

/**
 * The logged-in user, shared by every page. A module-level instance is safe here because the app
 * never renders on a server (ssr = false), so there is exactly one user per browser tab.
 */
class SessionState {
  user = $state<Me | null>(null);
  /** True once the server has been asked who is logged in, so the check runs once per page load. */
  checked = false;

  /** Records the answer of the server: the user, or null when nobody is logged in. */
  set(me: Me | null): void {
    this.user = me;
    this.checked = true;
  }

  /** Forgets the user after logout or an expired session; the next check sees nobody logged in. */
  clear(): void {
    this.user = null;
  }
}

export const session = new SessionState();
