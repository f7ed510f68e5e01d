import type { Industry, Zone, ZoneInput } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { ConflictError, NotFoundError } from '../errors/index.ts';
import type { IndustryRepository, ZoneRepository } from './org.port.ts';

/** Zones (development zones, streets, towns) and the industry list. Readable by all, changed by admins. */
export class ZoneService {
  constructor(
    private readonly zones: ZoneRepository,
    private readonly industries: IndustryRepository,
    private readonly audit: AuditRepository,
  ) {}

  listZones(): Promise<Zone[]> {
    return this.zones.list();
  }

  listIndustries(): Promise<Industry[]> {
    return this.industries.list();
  }

  async create(actor: Actor, input: ZoneInput): Promise<Zone> {
    requireRole(actor, 'ADMIN');
    await this.assertUnique(input);
    const zone = await this.zones.create(input);
    await this.audit.record({
      actor,
      action: 'zone.create',
      entityType: 'zone',
      entityId: zone.id,
      entityLabel: zone.name,
      outcome: 'SUCCESS',
      details: { ...input },
    });
    return zone;
  }

  async update(actor: Actor, id: string, input: ZoneInput): Promise<Zone> {
    requireRole(actor, 'ADMIN');
    const before = await this.zones.findById(id);
    if (!before) throw new NotFoundError('zone', id);
    await this.assertUnique(input, id);
    const zone = await this.zones.update(id, input);
    await this.audit.record({
      actor,
      action: 'zone.update',
      entityType: 'zone',
      entityId: id,
      entityLabel: input.name,
      outcome: 'SUCCESS',
      changes: changedFields(before, input),
    });
    return zone;
  }

  private async assertUnique(input: ZoneInput, exceptId?: string): Promise<void> {
    const clash = await this.zones.findClash(input, exceptId);
    if (clash)
      throw new ConflictError('ZONE_TAKEN', `Another zone already uses this ${clash} (${input[clash]}); choose a different one.`, {
        params: { field: clash },
      });
  }
}
