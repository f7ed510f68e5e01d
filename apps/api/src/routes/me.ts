import type { Me } from '@platform/contracts';
import type { Actor, PendingStep } from '@platform/core';
import type { Services } from '../services.ts';

/** The Me answer of login, GET /api/auth/me and MFA verification: the account, the session's end and what it still owes. */
export async function meOf(
  services: Pick<Services, 'users' | 'mfa'>,
  actor: Actor,
  session: { expiresAt: Date | null; pendingStep: PendingStep },
): Promise<Me> {
  const [user, mfaEnabled] = await Promise.all([services.users.me(actor), actor.userId ? services.mfa.isEnabled(actor.userId) : false]);
  const { id, username, displayName, role, enterprise, zone } = user;
  return {
    id,
    username,
    displayName,
    role,
    enterprise,
    zone,
    sessionExpiresAt: session.expiresAt?.toISOString() ?? null,
    pendingStep: session.pendingStep,
    mfaEnabled,
  };
}
