import type { Team, TeamInput } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { teamFor } from '../access/personal-data.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import type { ShiftRepository, TeamRepository } from './org.port.ts';

/** 班组 with their rosters and the shifts they work. */
export class TeamService {
  constructor(
    private readonly teams: TeamRepository,
    private readonly shifts: ShiftRepository,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
  ) {}

  async list(actor: Actor, enterpriseId: string): Promise<Team[]> {
    await this.access.assertCanRead(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    return (await this.teams.listByEnterprise(enterpriseId)).map((team) => teamFor(actor, team));
  }

  async get(actor: Actor, id: string): Promise<Team> {
    const team = await this.teams.findById(id);
    if (!team) throw new NotFoundError('team', id);
    await this.access.assertCanRead(actor, team.enterpriseId, { entityType: 'team', entityId: id });
    return teamFor(actor, team);
  }

  async create(actor: Actor, enterpriseId: string, input: TeamInput): Promise<Team> {
    await this.access.assertCanManage(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    await this.validate(enterpriseId, input);
    const team = teamFor(actor, await this.teams.save(enterpriseId, input));
    await this.audit.record({
      actor,
      action: 'team.create',
      entityType: 'team',
      entityId: team.id,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { name: input.name, members: input.members.length },
    });
    return team;
  }

  async update(actor: Actor, id: string, input: TeamInput): Promise<Team> {
    const existing = await this.teams.findById(id);
    if (!existing) throw new NotFoundError('team', id);
    await this.access.assertCanManage(actor, existing.enterpriseId, { entityType: 'team', entityId: id });
    await this.validate(existing.enterpriseId, input, id);
    const team = teamFor(actor, await this.teams.save(existing.enterpriseId, input, id));
    await this.audit.record({
      actor,
      action: 'team.update',
      entityType: 'team',
      entityId: id,
      entityLabel: input.name,
      enterpriseId: existing.enterpriseId,
      outcome: 'SUCCESS',
      // Members by count: their names, numbers and phones are personal data the log does not need.
      changes: changedFields(
        { name: existing.name, leaderName: existing.leaderName, shiftIds: existing.shiftIds, memberCount: existing.members.length },
        { name: input.name, leaderName: input.leaderName ?? null, shiftIds: input.shiftIds, memberCount: input.members.length },
      ),
    });
    return team;
  }

  private async validate(enterpriseId: string, input: TeamInput, exceptId?: string): Promise<void> {
    const shiftIds = [...new Set(input.shiftIds)];
    if ((await this.shifts.countInEnterprise(enterpriseId, shiftIds)) !== shiftIds.length) {
      throw ValidationError.field(
        'shiftIds',
        'SHIFT_NOT_IN_ENTERPRISE',
        "one or more shifts do not belong to this enterprise; use ids from the enterprise's shift list",
      );
    }
    const existing = new Set((exceptId ? ((await this.teams.findById(exceptId))?.members ?? []) : []).map((m) => m.id));
    const strangers = input.members.map((m, i) => ({ id: m.id, i })).filter((m) => m.id && !existing.has(m.id));
    if (strangers.length) {
      throw new ValidationError(
        strangers.map((s) => ({
          field: `members.${s.i}.id`,
          code: 'TEAM_MEMBER_UNKNOWN',
          message: 'not a member of this team; omit the id to add a new member',
        })),
      );
    }
    const holder = await this.teams.findIdByName(enterpriseId, input.name);
    if (holder && holder !== exceptId)
      throw new ConflictError('TEAM_NAME_TAKEN', `This enterprise already has a team named "${input.name}".`);
  }
}
