import type { Worker } from '@platform/contracts';
import { maskIdNumber, maskPhone } from '../privacy/mask.ts';
import type { Actor } from './actor.ts';

/**
 * How much of a worker account's personal data an actor sees (PIPL minimisation), the one place
 * this rule lives:
 * - the enterprise's own officers keep the accounts and reach the people: the phone in full
 *   everywhere, the ID number in full only on one worker's page (`detail`) and in the answer to
 *   creating it, where they typed it themselves; in lists it is masked, since a list is what gets
 *   photographed, printed and left lying around;
 * - everyone else who may see workers at all (system administrators, inspectors, zone officers,
 *   the command centre) supervises, and sees both masked (138****5678, 120***********1235);
 * - workers list nobody: the routes refuse them before this is asked.
 */
export function workerViewOf(actor: Actor, enterpriseId: string, view: 'list' | 'detail'): { phone: boolean; idNumber: boolean } {
  const own = actor.role === 'ENTERPRISE_OFFICER' && actor.enterpriseId === enterpriseId;
  return { phone: own, idNumber: own && view === 'detail' };
}

/** A worker as `actor` may see it, by {@link workerViewOf}. Pure. */
export function workerFor(actor: Actor, worker: Worker, view: 'list' | 'detail'): Worker {
  const full = workerViewOf(actor, worker.enterprise.id, view);
  return {
    ...worker,
    phone: full.phone ? worker.phone : maskPhone(worker.phone),
    idNumber: full.idNumber ? worker.idNumber : maskIdNumber(worker.idNumber),
  };
}
