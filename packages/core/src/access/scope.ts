import type { Role } from '@platform/contracts';
import { ForbiddenError } from '../errors/index.ts';
import type { Actor, EnterpriseScope } from './actor.ts';

/**
 * The enterprises whose data an actor may read. Bureau-wide roles see everything, a zone officer
 * only its zone, enterprise users only their own enterprise.
 */
export function enterpriseScopeOf(actor: Actor): EnterpriseScope {
  switch (actor.role) {
    case 'ADMIN':
    case 'INSPECTOR':
    case 'COMMAND_OPERATOR':
      return { kind: 'all' };
    case 'ZONE_OFFICER':
      return actor.zoneId ? { kind: 'zone', zoneId: actor.zoneId } : { kind: 'none' };
    case 'ENTERPRISE_OFFICER':
    case 'WORKER':
      return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'none' };
    // Security and audit administrators manage accounts and read the audit log, not enterprises' data.
    case 'SECURITY_ADMIN':
    case 'AUDIT_ADMIN':
      return { kind: 'none' };
  }
}

/**
 * The enterprises whose meetings an actor may see, and with them the meetings' media and events.
 * Workers see none: a meeting record names colleagues' absences and is for the enterprise's
 * officers and the authorities. Everyone else as {@link enterpriseScopeOf}. The one place this
 * rule lives: lists, single reads, media and the event stream all ask here.
 */
export function meetingScopeOf(actor: Actor): EnterpriseScope {
  return actor.role === 'WORKER' ? { kind: 'none' } : enterpriseScopeOf(actor);
}

/** True when `enterprise` falls inside `scope`. */
export function scopeIncludes(scope: EnterpriseScope, enterprise: { id: string; zoneId: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'zone':
      return enterprise.zoneId === scope.zoneId;
    case 'enterprise':
      return enterprise.id === scope.enterpriseId;
    case 'none':
      return false;
  }
}

/** Throws ForbiddenError unless the actor has one of `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError('ROLE_NOT_ALLOWED', `This action needs one of the roles ${roles.join(', ')}; you are ${actor.role}.`);
  }
}

/**
 * May the actor change an enterprise's own set-up (teams, shifts, its workers)? Admins may change
 * any; an enterprise officer only their own. Others only read.
 */
export function canManageEnterprise(actor: Actor, enterpriseId: string): boolean {
  if (actor.role === 'ADMIN') return true;
  return actor.role === 'ENTERPRISE_OFFICER' && actor.enterpriseId === enterpriseId;
}
