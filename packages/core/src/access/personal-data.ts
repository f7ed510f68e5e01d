import type { Enterprise, Team, User } from '@platform/contracts';
import { maskPhone } from '../privacy/mask.ts';
import type { Actor } from './actor.ts';
import { canManageEnterprise } from './scope.ts';

/** A roster member as stored, with the account it belongs to (if any). */
export type RosterMember = Team['members'][number] & { userId: string | null };

/**
 * How much of a team roster's personal data an actor sees (PIPL minimisation), the one place this
 * rule lives:
 * - `full`: whoever manages the enterprise's set-up (its officers, system administrators) needs
 *   phones and employee numbers to keep the roster and reach people;
 * - `colleague`: a worker sees names and positions of the team, and only their own record in full;
 * - `masked`: bureau roles supervise and see phones masked (138****5678).
 */
export function rosterViewOf(actor: Actor, enterpriseId: string): 'full' | 'colleague' | 'masked' {
  if (canManageEnterprise(actor, enterpriseId)) return 'full';
  return actor.role === 'WORKER' ? 'colleague' : 'masked';
}

/** A team as `actor` may see it: the roster cut down by {@link rosterViewOf}. Pure. */
export function teamFor(actor: Actor, team: Omit<Team, 'members'> & { members: RosterMember[] }): Team {
  const view = rosterViewOf(actor, team.enterpriseId);
  const members = team.members.map(({ userId, ...m }) => {
    if (view === 'full' || (userId !== null && userId === actor.userId)) return m;
    if (view === 'colleague') return { ...m, employeeNo: null, phone: null };
    return { ...m, phone: maskPhone(m.phone) };
  });
  return { ...team, members };
}

// Roles whose work is the enterprises themselves: they call the contact person.
const SEES_ENTERPRISE_CONTACTS = new Set<Actor['role']>(['ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR']);

/** An enterprise as `actor` may see it: the contact phone in full for bureau roles and its own officers, masked for others. Pure. */
export function enterpriseFor<E extends Pick<Enterprise, 'id' | 'contactPhone'>>(actor: Actor, enterprise: E): E {
  const full = SEES_ENTERPRISE_CONTACTS.has(actor.role) || (actor.role === 'ENTERPRISE_OFFICER' && actor.enterpriseId === enterprise.id);
  return full ? enterprise : { ...enterprise, contactPhone: maskPhone(enterprise.contactPhone) };
}

/**
 * An account in a list of accounts: an enterprise officer lists only their own enterprise's people
 * and needs to reach them; everyone else (system and security administrators) manages accounts,
 * not people, and sees phones masked. A single account opened by someone who manages it is shown
 * in full. Pure.
 */
export function userInListFor<U extends Pick<User, 'phone'>>(actor: Actor, user: U): U {
  return actor.role === 'ENTERPRISE_OFFICER' ? user : { ...user, phone: maskPhone(user.phone) };
}
