import type { PlatformEvent } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { meetingScopeOf, scopeIncludes } from '../access/scope.ts';

/** May this actor see this event? Every event is about a meeting or its media: the meeting rule. */
export function canSeeEvent(actor: Actor, event: PlatformEvent): boolean {
  return scopeIncludes(meetingScopeOf(actor), { id: event.enterpriseId, zoneId: event.zoneId });
}
