import type { Shift, ShiftInput } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import { minutesFromClock } from './clock.ts';
import type { ShiftRecord, ShiftRepository } from './org.port.ts';

/** Turns API input into the stored form; a shift whose end is not after its start runs overnight. */
export function shiftRecordOf(input: ShiftInput): ShiftRecord {
  const startMinute = minutesFromClock(input.startTime);
  const endMinute = minutesFromClock(input.endTime);
  if (startMinute === endMinute)
    throw ValidationError.field('endTime', 'SHIFT_ZERO_LENGTH', 'must differ from startTime; a shift cannot last 0 or 24 hours');
  return {
    name: input.name,
    startMinute,
    endMinute,
    overnight: endMinute < startMinute,
    daysOfWeek: [...new Set(input.daysOfWeek)].sort(),
    meetingWindowBefore: input.meetingWindowBefore,
    meetingWindowAfter: input.meetingWindowAfter,
  };
}

/** 班次 of an enterprise. */
export class ShiftService {
  constructor(
    private readonly shifts: ShiftRepository,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
  ) {}

  async list(actor: Actor, enterpriseId: string): Promise<Shift[]> {
    await this.access.assertCanRead(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    return this.shifts.listByEnterprise(enterpriseId);
  }

  async create(actor: Actor, enterpriseId: string, input: ShiftInput): Promise<Shift> {
    await this.access.assertCanManage(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    const record = shiftRecordOf(input);
    if (await this.shifts.findIdByName(enterpriseId, input.name))
      throw new ConflictError('SHIFT_NAME_TAKEN', `This enterprise already has a shift named "${input.name}".`);
    const shift = await this.shifts.create(enterpriseId, record);
    await this.audit.record({
      actor,
      action: 'shift.create',
      entityType: 'shift',
      entityId: shift.id,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { ...input },
    });
    return shift;
  }

  async update(actor: Actor, id: string, input: ShiftInput): Promise<Shift> {
    const existing = await this.shifts.findById(id);
    if (!existing) throw new NotFoundError('shift', id);
    await this.access.assertCanManage(actor, existing.enterpriseId, { entityType: 'shift', entityId: id });
    const record = shiftRecordOf(input);
    const holder = await this.shifts.findIdByName(existing.enterpriseId, input.name);
    if (holder && holder !== id) throw new ConflictError('SHIFT_NAME_TAKEN', `This enterprise already has a shift named "${input.name}".`);
    const shift = await this.shifts.update(id, record);
    await this.audit.record({
      actor,
      action: 'shift.update',
      entityType: 'shift',
      entityId: id,
      entityLabel: input.name,
      enterpriseId: existing.enterpriseId,
      outcome: 'SUCCESS',
      changes: changedFields(existing, input),
    });
    return shift;
  }
}
