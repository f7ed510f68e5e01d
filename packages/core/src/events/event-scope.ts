import type { PlatformEvent } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { enterpriseScopeOf, scopeIncludes } from '../access/scope.ts';

/** May this actor see this event? Same rules as reading the meeting; workers see no meeting events. */
export function canSeeEvent(actor: Actor, event: PlatformEvent): boolean {
  if (actor.role === 'WORKER') return false;
  return scopeIncludes(enterpriseScopeOf(actor), { id: event.enterpriseId, zoneId: event.zoneId });
}
