import type { Me, Role } from '@platform/contracts';

/**
 * The logged-in user, shared by every page. A module-level instance is safe here because the app
 * never renders on a server (ssr = false), so there is exactly one user per browser tab.
 */
class SessionState {
  user = $state<Me | null>(null);
  /** True once the server has been asked who is logged in, so the check runs once per page load. */
  checked = false;

  set(me: Me): void {
    this.user = me;
    this.checked = true;
  }

  clear(): void {
    this.user = null;
  }

  hasRole(...roles: Role[]): boolean {
    return this.user !== null && roles.includes(this.user.role);
  }
}

export const session = new SessionState();
