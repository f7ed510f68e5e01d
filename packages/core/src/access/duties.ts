import type { Role } from '@platform/contracts';
import type { Actor } from './actor.ts';
import { requireRole } from './scope.ts';

/**
 * The administrator split three ways (三权分立, separation of duties): the system administrator runs
 * the organisation and ordinary accounts, the security administrator the administrator accounts and
 * security actions (unlocking, MFA resets, ending sessions), the audit administrator only reads and
 * exports the audit log. A user has exactly one role, so no account can hold two of them.
 */
export const ADMINISTRATOR_ROLES = ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'] as const satisfies readonly Role[];

/** True for the three administrator roles. */
export function isAdministratorRole(role: Role): boolean {
  return (ADMINISTRATOR_ROLES as readonly Role[]).includes(role);
}

/** Throws ForbiddenError unless the actor is the audit administrator: the only reader of the audit log. */
export function requireAuditAdmin(actor: Actor): void {
  requireRole(actor, 'AUDIT_ADMIN');
}

/** Throws ForbiddenError unless the actor is the security administrator (unlock, MFA reset, session revocation). */
export function requireSecurityAdmin(actor: Actor): void {
  requireRole(actor, 'SECURITY_ADMIN');
}

/**
 * Who may create an account with `role`, or give an account that role, or change or deactivate an
 * account that holds it. Administrator accounts are the security administrator's: otherwise the
 * system administrator could make himself an auditor's account and read (or hide from) the log
 * that records his own actions. Every other account is the system administrator's (and, within
 * their enterprise, an enterprise officer's, checked by the user service).
 */
export function mayAssignRole(actor: Actor, role: Role): boolean {
  return isAdministratorRole(role) ? actor.role === 'SECURITY_ADMIN' : actor.role === 'ADMIN' || actor.role === 'ENTERPRISE_OFFICER';
}
