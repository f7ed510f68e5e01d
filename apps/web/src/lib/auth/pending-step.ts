import type { Me } from '@platform/contracts';
import { LANDING } from '$lib/navigation/roles.ts';

/** The page that completes each step a session can owe (the API refuses everything else meanwhile). */
export const STEP_PAGE: Record<NonNullable<Me['pendingStep']>, string> = {
  MFA: '/login/verify',
  MFA_ENROLMENT: '/account/mfa',
  PASSWORD_CHANGE: '/account/password',
};

/** Where to go after signing in or completing a step: the next owed step, else `next`, else the role's landing page. */
export function pageAfterSignIn(me: Me, next?: string | null): string {
  if (me.pendingStep) return next ? `${STEP_PAGE[me.pendingStep]}?next=${encodeURIComponent(next)}` : STEP_PAGE[me.pendingStep];
  return next ?? LANDING[me.role];
}
