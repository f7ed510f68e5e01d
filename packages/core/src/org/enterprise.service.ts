import type { Enterprise, EnterpriseInput, EnterpriseQuery, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { enterpriseFor } from '../access/personal-data.ts';
import { enterpriseScopeOf, requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import { creditCodeProblem } from './credit-code.ts';
import type { EnterpriseRepository, IndustryRepository, ZoneRepository } from './org.port.ts';

/** Enterprises under supervision: scoped reads for everyone, writes for admins. */
export class EnterpriseService {
  constructor(
    private readonly enterprises: EnterpriseRepository,
    private readonly zones: ZoneRepository,
    private readonly industries: IndustryRepository,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
  ) {}

  async list(actor: Actor, query: EnterpriseQuery): Promise<Page<Enterprise>> {
    const page = await this.enterprises.list(enterpriseScopeOf(actor), query);
    return { ...page, items: page.items.map((enterprise) => enterpriseFor(actor, enterprise)) };
  }

  async get(actor: Actor, id: string): Promise<Enterprise> {
    await this.access.assertCanRead(actor, id, { entityType: 'enterprise', entityId: id });
    const enterprise = await this.enterprises.findById(id);
    if (!enterprise) throw new NotFoundError('enterprise', id);
    const { zoneId: _zoneId, ...rest } = enterprise;
    return enterpriseFor(actor, rest);
  }

  async create(actor: Actor, input: EnterpriseInput): Promise<Enterprise> {
    requireRole(actor, 'ADMIN');
    await this.validate(input);
    const enterprise = await this.enterprises.create(input);
    await this.audit.record({
      actor,
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: enterprise.id,
      entityLabel: enterprise.name,
      enterpriseId: enterprise.id,
      outcome: 'SUCCESS',
      details: { ...input },
    });
    return enterprise;
  }

  async update(actor: Actor, id: string, input: EnterpriseInput): Promise<Enterprise> {
    requireRole(actor, 'ADMIN');
    const before = await this.enterprises.findById(id);
    if (!before) throw new NotFoundError('enterprise', id);
    await this.validate(input, id);
    const enterprise = await this.enterprises.update(id, input);
    await this.audit.record({
      actor,
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      entityLabel: input.name,
      enterpriseId: id,
      outcome: 'SUCCESS',
      changes: changedFields({ ...before, industryId: before.industry.id }, input, { mask: ['contactPhone'] }),
    });
    return enterprise;
  }

  private async validate(input: EnterpriseInput, exceptId?: string): Promise<void> {
    const issues: FieldIssue[] = [];
    const codeProblem = creditCodeProblem(input.creditCode);
    if (codeProblem) issues.push({ field: 'creditCode', ...codeProblem, message: `unified social credit code ${codeProblem.message}` });
    if (!(await this.zones.findById(input.zoneId)))
      issues.push({
        field: 'zoneId',
        code: 'REFERENCE_NOT_FOUND',
        params: { entity: 'zone' },
        message: 'no such zone; pick one from GET /api/zones',
      });
    if (!(await this.industries.exists(input.industryId)))
      issues.push({
        field: 'industryId',
        code: 'REFERENCE_NOT_FOUND',
        params: { entity: 'industry' },
        message: 'no such industry; pick one from GET /api/industries',
      });
    if ((input.latitude == null) !== (input.longitude == null)) {
      issues.push({
        field: input.latitude == null ? 'latitude' : 'longitude',
        code: 'COORDINATES_INCOMPLETE',
        message: 'give both latitude and longitude, or neither',
      });
    }
    if (issues.length) throw new ValidationError(issues);
    const holder = await this.enterprises.findIdByCreditCode(input.creditCode);
    if (holder && holder !== exceptId)
      throw new ConflictError('CREDIT_CODE_TAKEN', `An enterprise with credit code ${input.creditCode} is already registered.`);
  }
}
