// Which step a signed-in user still owes before the session may be used. Pure, so the rule is one
// function with tests; the API's `authenticate` enforces it on every route.
import type { Role } from '@platform/contracts';
import { ForbiddenError } from '../errors/index.ts';
import { isPasswordExpired } from './password-policy.ts';

/** What a session still needs: the second factor, enrolling one, or a new password; null when complete. */
export type PendingStep = 'MFA' | 'MFA_ENROLMENT' | 'PASSWORD_CHANGE' | null;

/**
 * Roles that must sign in with a second factor (等保三级 "two factors for privileged users"): the
 * three administrators and the bureau roles that see every enterprise. The same roles hold the
 * stricter concurrent-session limit (SessionService).
 */
export const PRIVILEGED_ROLES: readonly Role[] = ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'INSPECTOR', 'COMMAND_OPERATOR'];

/** True for roles that must use a second factor. */
export function isPrivilegedRole(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

/** What the decision needs about the session and its user. */
export interface SessionFacts {
  role: Role;
  username: string;
  /** Set at login for users with a second factor (or who must enrol one); cleared once given. */
  mfaPending: boolean;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
}

/** The password rules that can force a change. */
export interface PasswordAgeRules {
  /** 0 = passwords never expire. */
  passwordMaxAgeDays: number;
  /** Accounts never forced to change (the demo accounts, while demo seeding is on). */
  passwordChangeExempt: readonly string[];
}

/**
 * The first step the session still owes. The second factor comes first, so a stolen password
 * alone cannot even change the password; then a forced password change; then enrolment for a
 * privileged user without a second factor (also when the role was given mid-session).
 */
export function pendingStepOf(facts: SessionFacts, now: Date, rules: PasswordAgeRules): PendingStep {
  if (facts.mfaPending && facts.mfaEnabled) return 'MFA';
  if (!rules.passwordChangeExempt.includes(facts.username)) {
    if (facts.mustChangePassword || isPasswordExpired(facts.passwordChangedAt, now, rules.passwordMaxAgeDays)) return 'PASSWORD_CHANGE';
  }
  if (isPrivilegedRole(facts.role) && !facts.mfaEnabled) return 'MFA_ENROLMENT';
  return null;
}

/** Whether a new session starts with the second factor pending: privileged users, and anyone who enrolled one. */
export function startsMfaPending(role: Role, mfaEnabled: boolean): boolean {
  return mfaEnabled || isPrivilegedRole(role);
}

const STEP_ERRORS = {
  MFA: ['MFA_REQUIRED', 'Give the second factor first (POST /api/auth/mfa/verify).'],
  MFA_ENROLMENT: ['MFA_ENROLMENT_REQUIRED', 'This account must enrol a second factor first (POST /api/auth/mfa/enrolment).'],
  PASSWORD_CHANGE: ['PASSWORD_CHANGE_REQUIRED', 'Change the password first (POST /api/auth/password).'],
} as const;

/** The 403 for a request that a session with `step` pending may not make. */
export function pendingStepError(step: Exclude<PendingStep, null>): ForbiddenError {
  const [code, message] = STEP_ERRORS[step];
  return new ForbiddenError(code, message);
}
