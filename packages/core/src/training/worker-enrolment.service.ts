import type { Enrolment, EnrolmentCourse, EnrolmentInput, EnrolmentQuery, EnrolmentResult, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { enterpriseScopeOf, requireRole, scopeIncludes } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { TeamRepository } from '../org/org.port.ts';
import type { EnrolmentRepository } from './workers.port.ts';

/**
 * Enrolment of an enterprise's workers, one by one or by whole teams, in published courses, by
 * the enterprise's safety officer; the bureau reads where they stand.
 */
export class WorkerEnrolmentService {
  constructor(
    private readonly enrolments: EnrolmentRepository,
    private readonly teams: Pick<TeamRepository, 'listByEnterprise'>,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
  ) {}

  /** Published courses with the officer's enterprise's counts. */
  async courses(actor: Actor): Promise<EnrolmentCourse[]> {
    return this.enrolments.listCourses(this.ownEnterprise(actor));
  }

  /** Officers see their enterprise's enrolments; bureau roles those of enterprises in their scope. */
  async list(actor: Actor, query: EnrolmentQuery): Promise<Page<Enrolment>> {
    requireRole(actor, 'ENTERPRISE_OFFICER', 'ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR');
    if (query.enterpriseId)
      await this.access.assertCanRead(actor, query.enterpriseId, { entityType: 'enterprise', entityId: query.enterpriseId });
    return this.enrolments.list(enterpriseScopeOf(actor), query);
  }

  /**
   * Enrols the chosen workers and every active worker account on the chosen teams. Ids outside
   * the enterprise are refused as not found (field issues), so nobody learns of another
   * enterprise's people; enrolling someone twice only counts them as `already`.
   */
  async enrol(actor: Actor, input: EnrolmentInput): Promise<EnrolmentResult> {
    const enterpriseId = this.ownEnterprise(actor);
    const issues: FieldIssue[] = [];
    const course = await this.enrolments.findCourse(input.courseId);
    if (!course) issues.push({ field: 'courseId', code: 'REFERENCE_NOT_FOUND', params: { entity: 'course' }, message: 'no such course' });
    else if (!course.published) issues.push({ field: 'courseId', code: 'COURSE_NOT_PUBLISHED', message: 'the course is not published' });

    const userIds = [...new Set(input.userIds)];
    const workers = new Set(await this.enrolments.workersOf(enterpriseId, userIds));
    input.userIds.forEach((id, i) => {
      if (!workers.has(id))
        issues.push({
          field: `userIds.${i}`,
          code: 'REFERENCE_NOT_FOUND',
          params: { entity: 'user' },
          message: 'not an active worker of your enterprise',
        });
    });
    const ownTeams = new Set((await this.teams.listByEnterprise(enterpriseId)).filter((t) => t.active).map((t) => t.id));
    input.teamIds.forEach((id, i) => {
      if (!ownTeams.has(id))
        issues.push({ field: `teamIds.${i}`, code: 'REFERENCE_NOT_FOUND', params: { entity: 'team' }, message: 'no such team' });
    });
    if (issues.length) throw new ValidationError(issues);

    const everyone = [...new Set([...userIds, ...(await this.enrolments.workersOnTeams(enterpriseId, [...new Set(input.teamIds)]))])];
    if (!everyone.length) throw ValidationError.field('userIds', 'ENROLMENT_NOBODY', 'choose workers, or teams that have worker accounts');
    const created = await this.enrolments.enrol(input.courseId, enterpriseId, everyone);
    await this.audit.record({
      actor,
      action: 'enrolment.create',
      entityType: 'course',
      entityId: input.courseId,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { created, already: everyone.length - created, teams: input.teamIds.length, workers: userIds.length },
    });
    return { created, already: everyone.length - created };
  }

  /** Takes a worker out of a course while nothing has been learned; after that the enrolment is a record. */
  async remove(actor: Actor, id: string): Promise<void> {
    const enterpriseId = this.ownEnterprise(actor);
    const enrolment = await this.enrolments.findById(id);
    if (!enrolment || !scopeIncludes({ kind: 'enterprise', enterpriseId }, { id: enrolment.enterpriseId, zoneId: enrolment.zoneId })) {
      await this.audit.record({
        actor,
        action: 'enrolment.manage',
        entityType: 'enrolment',
        entityId: id,
        enterpriseId,
        outcome: 'DENIED',
      });
      throw new NotFoundError('enrolment', id);
    }
    if (enrolment.learned || !(await this.enrolments.deleteUnlearned(id)))
      throw new ConflictError('ENROLMENT_HAS_PROGRESS', 'The worker has started learning; the enrolment stays as a record.');
    await this.audit.record({
      actor,
      action: 'enrolment.delete',
      entityType: 'enrolment',
      entityId: id,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { userId: enrolment.userId, courseId: enrolment.courseId },
    });
  }

  private ownEnterprise(actor: Actor): string {
    requireRole(actor, 'ENTERPRISE_OFFICER');
    if (!actor.enterpriseId) throw new NotFoundError('enterprise');
    return actor.enterpriseId;
  }
}
