import type { EntityName } from '@platform/contracts';
import type { Actor, EnterpriseScope } from './actor.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { NotFoundError } from '../errors/index.ts';
import { canManageEnterprise, enterpriseScopeOf, scopeIncludes } from './scope.ts';

/** Looks up the zone of an enterprise, or null when it does not exist. */
export type EnterpriseLocator = (enterpriseId: string) => Promise<{ id: string; zoneId: string } | null>;

/**
 * Shared gate for anything that belongs to an enterprise. Out-of-scope objects are reported as
 * not found, so ids of other enterprises cannot be probed, and each refusal is audited.
 */
export class EnterpriseAccess {
  constructor(
    private readonly locate: EnterpriseLocator,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Throws NotFoundError unless the actor may read the enterprise's data; `scopeOf` narrows it
   * for data with its own rule (meetings: `meetingScopeOf`).
   */
  async assertCanRead(
    actor: Actor,
    enterpriseId: string,
    what: { entityType: EntityName; entityId: string },
    scopeOf: (actor: Actor) => EnterpriseScope = enterpriseScopeOf,
  ): Promise<void> {
    const enterprise = await this.locate(enterpriseId);
    if (enterprise && scopeIncludes(scopeOf(actor), enterprise)) return;
    await this.deny(actor, 'read', what, enterpriseId);
  }

  /** Throws NotFoundError (outside scope) or the same for a read-only role, auditing the refusal. */
  async assertCanManage(actor: Actor, enterpriseId: string, what: { entityType: EntityName; entityId: string }): Promise<void> {
    const enterprise = await this.locate(enterpriseId);
    if (enterprise && canManageEnterprise(actor, enterpriseId)) return;
    await this.deny(actor, 'manage', what, enterpriseId);
  }

  private async deny(
    actor: Actor,
    access: string,
    what: { entityType: EntityName; entityId: string },
    enterpriseId: string,
  ): Promise<never> {
    await this.audit.record({
      actor,
      action: `${what.entityType}.${access}`,
      entityType: what.entityType,
      entityId: what.entityId,
      enterpriseId,
      outcome: 'DENIED',
    });
    throw new NotFoundError(what.entityType, what.entityId);
  }
}
