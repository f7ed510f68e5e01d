import type { Page, Role, User, UserInput, UserQuery, UserUpdate } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { userInListFor } from '../access/personal-data.ts';
import { isAdministratorRole, mayAssignRole } from '../access/duties.ts';
import { enterpriseScopeOf } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import type { PasswordService } from '../auth/password.service.ts';
import type { SessionService } from '../auth/session.service.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { EnterpriseRepository, UserRecord, UserRepository, ZoneRepository } from './org.port.ts';

const ENTERPRISE_ROLES: Role[] = ['ENTERPRISE_OFFICER', 'WORKER'];

/** Accounts. Admins manage everyone; an enterprise officer manages the accounts of their own enterprise. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly zones: ZoneRepository,
    private readonly audit: AuditRepository,
    private readonly sessions: Pick<SessionService, 'revokeAllOfUser' | 'revokeOtherSessions'>,
    private readonly passwords: Pick<PasswordService, 'prepare' | 'saveSetByAdministrator'>,
  ) {}

  async me(actor: Actor): Promise<User> {
    const user = actor.userId ? await this.users.me(actor.userId) : null;
    if (!user) throw new NotFoundError('user');
    return user;
  }

  async list(actor: Actor, query: UserQuery): Promise<Page<User>> {
    this.assertManager(actor);
    const page = await this.users.list(actor.role === 'SECURITY_ADMIN' ? { kind: 'all' } : enterpriseScopeOf(actor), query);
    return { ...page, items: page.items.map((user) => userInListFor(actor, user)) };
  }

  async get(actor: Actor, id: string): Promise<User> {
    this.assertManager(actor);
    const user = await this.users.findById(id);
    if (!user || !this.mayRead(actor, user.role, user.enterprise?.id ?? null)) {
      await this.audit.record({ actor, action: 'user.read', entityType: 'user', entityId: id, outcome: 'DENIED' });
      throw new NotFoundError('user', id);
    }
    const { enterpriseZoneId: _z, ...rest } = user;
    return rest;
  }

  async create(actor: Actor, input: UserInput): Promise<User> {
    this.assertManager(actor);
    const placement = { enterpriseId: input.enterpriseId ?? null, zoneId: input.zoneId ?? null };
    await this.validatePlacement(input.role, placement);
    this.assertMayAssign(actor, input.role);
    if (!this.mayManage(actor, input.role, placement.enterpriseId)) {
      throw new ForbiddenError(
        'ACCOUNT_OUTSIDE_SCOPE',
        'Enterprise officers can only create officer and worker accounts of their own enterprise.',
      );
    }
    if (await this.users.findIdByUsername(input.username))
      throw new ConflictError('USERNAME_TAKEN', `The username "${input.username}" is taken; choose another.`);
    const passwordHash = await this.passwords.prepare(null, input.username, input.password);
    const user = await this.users.create({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      ...placement,
      phone: input.phone ?? null,
      passwordHash,
    });
    // Whoever chose the first password is not its owner: the owner must change it at first login.
    await this.passwords.saveSetByAdministrator(user.id, passwordHash);
    await this.audit.record({
      actor,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      enterpriseId: placement.enterpriseId,
      outcome: 'SUCCESS',
      entityLabel: input.displayName,
      details: { username: input.username, role: input.role },
    });
    return user;
  }

  async update(actor: Actor, id: string, changes: UserUpdate): Promise<User> {
    const current = await this.get(actor, id);
    const role = changes.role ?? current.role;
    const placement = {
      enterpriseId: changes.enterpriseId !== undefined ? changes.enterpriseId : (current.enterprise?.id ?? null),
      zoneId: changes.zoneId !== undefined ? changes.zoneId : (current.zone?.id ?? null),
    };
    await this.validatePlacement(role, placement);
    // Both the role the account has and the one it gets: an administrator account stays the
    // security administrator's to change, and only he makes one.
    this.assertMayAssign(actor, current.role);
    this.assertMayAssign(actor, role);
    if (!this.mayManage(actor, role, placement.enterpriseId))
      throw new ForbiddenError('ACCOUNT_OUTSIDE_SCOPE', 'You cannot move this account outside your enterprise or give it a bureau role.');
    if (actor.userId === id && (changes.active === false || (changes.role && changes.role !== current.role))) {
      throw new ForbiddenError('OWN_ACCOUNT_CHANGE', 'You cannot deactivate your own account or change your own role.');
    }
    const record: Partial<UserRecord> = { role, ...placement };
    if (changes.displayName !== undefined) record.displayName = changes.displayName;
    if (changes.phone !== undefined) record.phone = changes.phone;
    if (changes.active !== undefined) record.active = changes.active;
    // Checked before anything is written, so a refused password leaves the other changes unsaved too.
    const passwordHash = changes.password ? await this.passwords.prepare(id, current.username, changes.password) : null;
    const user = await this.users.update(id, record);
    if (passwordHash) await this.passwords.saveSetByAdministrator(id, passwordHash);
    const before = { ...current, enterpriseId: current.enterprise?.id ?? null, zoneId: current.zone?.id ?? null };
    const { password: _p, ...changed } = changes;
    await this.audit.record({
      actor,
      action:
        changes.active === false && current.active
          ? 'user.deactivate'
          : changes.active === true && !current.active
            ? 'user.activate'
            : role !== current.role
              ? 'user.role.change'
              : 'user.update',
      entityType: 'user',
      entityId: id,
      entityLabel: user.displayName,
      enterpriseId: placement.enterpriseId,
      outcome: 'SUCCESS',
      changes: changedFields(before, { ...changed, role, ...placement }, { mask: ['phone'] }),
      details: { passwordChanged: Boolean(changes.password) },
    });
    await this.endSessionsAfter(actor, id, changes);
    return user;
  }

  /**
   * A deactivated account, or one whose password an administrator reset, keeps no session: whoever
   * held the old password or the account must not stay signed in. Resetting one's own password
   * here keeps the session that did it.
   */
  private async endSessionsAfter(actor: Actor, id: string, changes: UserUpdate): Promise<void> {
    const reason = changes.active === false ? 'DEACTIVATED' : changes.password ? 'PASSWORD_RESET' : null;
    if (!reason) return;
    if (actor.userId === id && actor.sessionId) await this.sessions.revokeOtherSessions(actor, actor.sessionId, reason);
    else await this.sessions.revokeAllOfUser(id, reason, actor);
  }

  private assertManager(actor: Actor): void {
    if (actor.role !== 'ADMIN' && actor.role !== 'SECURITY_ADMIN' && actor.role !== 'ENTERPRISE_OFFICER')
      throw new ForbiddenError('ACCOUNT_MANAGEMENT_FORBIDDEN', 'Only administrators and enterprise officers manage accounts.');
  }

  private mayManage(actor: Actor, role: Role, enterpriseId: string | null): boolean {
    if (!mayAssignRole(actor, role)) return false;
    if (actor.role === 'ENTERPRISE_OFFICER') return ENTERPRISE_ROLES.includes(role) && enterpriseId === actor.enterpriseId;
    return true;
  }

  /** System and security administrators see every account (the latter to unlock and end sessions); officers their enterprise's. */
  private mayRead(actor: Actor, role: Role, enterpriseId: string | null): boolean {
    if (actor.role === 'ADMIN' || actor.role === 'SECURITY_ADMIN') return true;
    return actor.role === 'ENTERPRISE_OFFICER' && ENTERPRISE_ROLES.includes(role) && enterpriseId === actor.enterpriseId;
  }

  /** Separation of duties (see `mayAssignRole`): administrator accounts are the security administrator's, the rest are not. */
  private assertMayAssign(actor: Actor, role: Role): void {
    if (mayAssignRole(actor, role)) return;
    if (isAdministratorRole(role))
      throw new ForbiddenError(
        'ADMINISTRATOR_ACCOUNT_RESERVED',
        'Only the security administrator creates or changes administrator accounts.',
      );
    throw new ForbiddenError(
      'ACCOUNT_MANAGEMENT_FORBIDDEN',
      'Only the system administrator and enterprise officers manage these accounts.',
    );
  }

  /** Enterprise roles belong to an enterprise, zone officers to a zone, bureau roles to neither. */
  private async validatePlacement(role: Role, placement: { enterpriseId: string | null; zoneId: string | null }): Promise<void> {
    const issues: FieldIssue[] = [];
    const needsEnterprise = ENTERPRISE_ROLES.includes(role);
    const needsZone = role === 'ZONE_OFFICER';
    if (needsEnterprise && !placement.enterpriseId)
      issues.push({
        field: 'enterpriseId',
        code: 'PLACEMENT_REQUIRED',
        params: { entity: 'enterprise' },
        message: `required for role ${role}`,
      });
    if (!needsEnterprise && placement.enterpriseId)
      issues.push({
        field: 'enterpriseId',
        code: 'PLACEMENT_NOT_ALLOWED',
        params: { entity: 'enterprise' },
        message: `must be empty for role ${role}`,
      });
    if (needsZone && !placement.zoneId)
      issues.push({ field: 'zoneId', code: 'PLACEMENT_REQUIRED', params: { entity: 'zone' }, message: 'required for role ZONE_OFFICER' });
    if (!needsZone && placement.zoneId)
      issues.push({
        field: 'zoneId',
        code: 'PLACEMENT_NOT_ALLOWED',
        params: { entity: 'zone' },
        message: `must be empty for role ${role}`,
      });
    if (placement.enterpriseId && needsEnterprise && !(await this.enterprises.findById(placement.enterpriseId))) {
      issues.push({ field: 'enterpriseId', code: 'REFERENCE_NOT_FOUND', params: { entity: 'enterprise' }, message: 'no such enterprise' });
    }
    if (placement.zoneId && needsZone && !(await this.zones.findById(placement.zoneId)))
      issues.push({ field: 'zoneId', code: 'REFERENCE_NOT_FOUND', params: { entity: 'zone' }, message: 'no such zone' });
    if (issues.length) throw new ValidationError(issues);
  }
}
