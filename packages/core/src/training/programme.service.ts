import type {
  Programme,
  ProgrammeCandidatePage,
  ProgrammeCandidateQuery,
  ProgrammeDashboard,
  ProgrammeDashboardExportQuery,
  ProgrammeEnrolInput,
  ProgrammeEnrolResult,
  ProgrammeEnterprisePage,
  ProgrammeEnterpriseQuery,
  ProgrammeFilter,
  ProgrammeInput,
  ProgrammeMembership,
  ProgrammeTierInput,
} from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { enterpriseScopeOf, requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { ExportTable } from '../exports/table.ts';
import { shanghaiDate } from '../meetings/shift-window.ts';
import type { ProgrammeRecord, ProgrammeRepository } from './programme.port.ts';
import {
  ACTIVE_DAYS,
  PROGRAMME_COLUMNS,
  addFigures,
  dashboardCells,
  figuresBy,
  programmeInputIssues,
  tierIssue,
  tierOfIndustry,
  zeroFigures,
} from './programme-rules.ts';

const READERS = ['ADMIN', 'INSPECTOR', 'ZONE_OFFICER'] as const;

function programmeOf(p: ProgrammeRecord): Programme {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    year: p.year,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    targets: { hazardousEnterprises: p.targetHazardousEnterprises, keyEnterprises: p.targetKeyEnterprises, workers: p.targetWorkers },
  };
}

async function* rowsOf<T>(rows: T[]): AsyncGenerator<T> {
  yield* rows;
}

/**
 * The 百千万 programme: its targets (system administrator), the enterprises of its two tiers, and
 * progress against the targets for the bureau (administrators, inspectors) and zone officers
 * (their zone, enforced here whatever the filters say).
 */
export class ProgrammeService {
  constructor(
    private readonly repo: ProgrammeRepository,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The programme asked for, or the current one. */
  async get(actor: Actor, programmeId?: string): Promise<Programme> {
    requireRole(actor, ...READERS);
    return programmeOf(await this.programme(programmeId));
  }

  async update(actor: Actor, input: ProgrammeInput): Promise<Programme> {
    requireRole(actor, 'ADMIN');
    const issues = programmeInputIssues(input);
    if (issues.length) throw new ValidationError(issues);
    const changes = {
      name: input.name,
      year: input.year,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      targetHazardousEnterprises: input.targets.hazardousEnterprises,
      targetKeyEnterprises: input.targets.keyEnterprises,
      targetWorkers: input.targets.workers,
    };
    // A fresh installation without the demo seed has no programme yet: the first save creates it.
    const before = input.programmeId ? await this.programme(input.programmeId) : await this.repo.current(shanghaiDate(this.now()));
    const after = before ? await this.repo.update(before.id, changes) : await this.repo.create(`BQW-${input.year}`, changes);
    await this.audit.record({
      actor,
      action: 'programme.update',
      entityType: 'programme',
      entityId: after.id,
      entityLabel: after.name,
      outcome: 'SUCCESS',
      changes: changedFields(before ?? {}, changes),
    });
    return programmeOf(after);
  }

  /** Enrols every listed enterprise into `category`, or none: each refusal is a field issue on its place in the list. */
  async enrol(actor: Actor, input: ProgrammeEnrolInput): Promise<ProgrammeEnrolResult> {
    requireRole(actor, 'ADMIN');
    const programme = await this.programme(input.programmeId);
    const ids = [...new Set(input.enterpriseIds)];
    const found = new Map((await this.repo.candidatesByIds(programme.id, ids)).map((e) => [e.id, e]));
    const issues: FieldIssue[] = [];
    let unchanged = 0;
    for (const id of ids) {
      const field = `enterpriseIds.${input.enterpriseIds.indexOf(id)}`;
      const enterprise = found.get(id);
      if (!enterprise) {
        issues.push({ field, code: 'REFERENCE_NOT_FOUND', params: { entity: 'enterprise' }, message: 'no such enterprise' });
      } else if (enterprise.category === input.category) {
        unchanged++;
      } else if (enterprise.category) {
        issues.push({
          field,
          code: 'PROGRAMME_ENTERPRISE_IN_OTHER_TIER',
          params: { category: enterprise.category },
          message: `already enrolled in ${enterprise.category}`,
        });
      } else {
        const issue = tierIssue(input.category, enterprise, field);
        if (issue) issues.push(issue);
      }
    }
    if (issues.length) throw new ValidationError(issues);
    const fresh = ids.filter((id) => !found.get(id)!.category);
    const enrolled = fresh.length ? await this.repo.enrol(programme.id, input.category, fresh) : 0;
    await this.audit.record({
      actor,
      action: 'programme.enterprise.enrol',
      entityType: 'programme',
      entityId: programme.id,
      entityLabel: programme.name,
      outcome: 'SUCCESS',
      details: { category: input.category, enterpriseIds: fresh, enrolled },
    });
    // A concurrent enrolment of the same enterprise is left to the database: it counts as unchanged.
    return { enrolled, unchanged: unchanged + fresh.length - enrolled };
  }

  /** Puts one enterprise into a tier, moving it from the other one if it is there. */
  async setTier(actor: Actor, enterpriseId: string, input: ProgrammeTierInput): Promise<ProgrammeMembership> {
    requireRole(actor, 'ADMIN');
    const programme = await this.programme(input.programmeId);
    const [enterprise] = await this.repo.candidatesByIds(programme.id, [enterpriseId]);
    if (!enterprise) throw new NotFoundError('enterprise', enterpriseId);
    const issue = tierIssue(input.category, enterprise, 'category');
    if (issue) throw new ValidationError([issue]);
    const membership = await this.repo.setTier(programme.id, enterpriseId, input.category);
    if (enterprise.category !== input.category)
      await this.audit.record({
        actor,
        action: 'programme.enterprise.tier',
        entityType: 'enterprise',
        entityId: enterpriseId,
        entityLabel: enterprise.name,
        enterpriseId,
        outcome: 'SUCCESS',
        changes: { category: { from: enterprise.category, to: input.category } },
        details: { programmeId: programme.id },
      });
    return {
      enterpriseId,
      category: membership.category,
      enrolledAt: membership.enrolledAt.toISOString(),
      previousCategory: enterprise.category === input.category ? null : enterprise.category,
    };
  }

  async remove(actor: Actor, enterpriseId: string, programmeId?: string): Promise<void> {
    requireRole(actor, 'ADMIN');
    const programme = await this.programme(programmeId);
    const [enterprise] = await this.repo.candidatesByIds(programme.id, [enterpriseId]);
    if (!enterprise) throw new NotFoundError('enterprise', enterpriseId);
    if (!(await this.repo.remove(programme.id, enterpriseId)))
      throw new ConflictError('PROGRAMME_ENTERPRISE_NOT_ENROLLED', 'the enterprise is not enrolled in this programme');
    await this.audit.record({
      actor,
      action: 'programme.enterprise.remove',
      entityType: 'enterprise',
      entityId: enterpriseId,
      entityLabel: enterprise.name,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { programmeId: programme.id, category: enterprise.category },
    });
  }

  /** Enrolled enterprises in the caller's scope with their own figures. */
  async enrolled(actor: Actor, query: ProgrammeEnterpriseQuery): Promise<ProgrammeEnterprisePage> {
    const { window } = await this.window(actor, query);
    const { items, total } = await this.repo.enrolled(window, query);
    return {
      items: items.map((e) => ({
        enterprise: { id: e.id, name: e.name, creditCode: e.creditCode, riskLevel: e.riskLevel },
        zone: e.zone,
        industry: e.industry,
        category: e.category,
        enrolledAt: e.enrolledAt.toISOString(),
        workers: e.workers,
        workersEnrolled: e.workersEnrolled,
        workersTrained: e.workersTrained,
        workersCertified: e.workersCertified,
        active: e.active,
        complete: e.complete,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Enterprises an administrator may still enrol, each with the one tier its industry allows. */
  async candidates(actor: Actor, query: ProgrammeCandidateQuery): Promise<ProgrammeCandidatePage> {
    requireRole(actor, 'ADMIN');
    const programme = await this.programme(query.programmeId);
    const hazardous = query.category ? query.category === 'HAZARDOUS_CHEMICAL' : undefined;
    const { items, total } = await this.repo.candidates(
      programme.id,
      { zoneId: query.zoneId, industryId: query.industryId, q: query.q, hazardous },
      query,
    );
    return {
      items: items.map((e) => ({
        enterprise: { id: e.id, name: e.name, creditCode: e.creditCode, riskLevel: e.riskLevel },
        zone: e.zone,
        industry: e.industry,
        category: tierOfIndustry(e.industry),
        workers: e.workers,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Progress against the three targets, in total and by zone and industry. Every figure is
   * counted by the repository over the enrolled enterprises (see its definitions); the breakdowns
   * are sums of one zone × industry grouping, so they always add up to the totals.
   */
  async dashboard(actor: Actor, filter: ProgrammeFilter): Promise<ProgrammeDashboard> {
    const { programme, window } = await this.window(actor, filter);
    const [rows, names] = await Promise.all([this.repo.figures(window), this.repo.names()]);
    return {
      programme: programmeOf(programme),
      asOf: window.now.toISOString(),
      activeDays: ACTIVE_DAYS,
      totals: rows.reduce(addFigures, zeroFigures()),
      byZone: figuresBy(rows, 'zoneId', names.zones),
      byIndustry: figuresBy(rows, 'industryId', names.industries),
    };
  }

  /** The dashboard's breakdown as a file (targets, totals, zones, industries); audited. */
  async exportDashboard(actor: Actor, query: ProgrammeDashboardExportQuery): Promise<ExportTable> {
    const { format: _format, ...filter } = query;
    const dashboard = await this.dashboard(actor, filter);
    await this.audit.record({
      actor,
      action: 'programme.export',
      entityType: 'programme',
      entityId: dashboard.programme.id,
      entityLabel: dashboard.programme.name,
      outcome: 'SUCCESS',
      details: { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) },
    });
    return {
      fileName: `百千万培训进度_${shanghaiDate(new Date(dashboard.asOf))}`,
      sheetName: '百千万培训进度',
      columns: PROGRAMME_COLUMNS,
      rows: rowsOf(dashboardCells(dashboard)),
    };
  }

  /** The programme and the counting window of a reader: zone officers are held to their zone. */
  private async window(actor: Actor, filter: ProgrammeFilter) {
    requireRole(actor, ...READERS);
    const scope = enterpriseScopeOf(actor);
    if (scope.kind === 'zone' && filter.zoneId && filter.zoneId !== scope.zoneId)
      throw new ForbiddenError('ZONE_OUTSIDE_SCOPE', 'a zone officer sees the figures of their own zone only');
    const programme = await this.programme(filter.programmeId);
    const now = this.now();
    const { programmeId: _p, ...rest } = filter;
    const window = {
      programmeId: programme.id,
      scope,
      filter: { zoneId: rest.zoneId, industryId: rest.industryId, category: rest.category },
      now,
      activeSince: new Date(now.getTime() - ACTIVE_DAYS * 86_400_000),
    };
    return { programme, window };
  }

  private async programme(id?: string): Promise<ProgrammeRecord> {
    const found = id ? await this.repo.findById(id) : await this.repo.current(shanghaiDate(this.now()));
    if (!found) throw new NotFoundError('programme', id);
    return found;
  }
}
