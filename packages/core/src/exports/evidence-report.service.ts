import { EVIDENCE_REPORT_MAX_DAYS, type EvidenceReport, type EvidenceReportQuery } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { meetingScopeOf } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { addDays } from '../compliance/due-meetings.ts';
import { NotFoundError, ValidationError } from '../errors/index.ts';
import { shanghaiDate } from '../meetings/shift-window.ts';
import { evidenceReport } from './evidence-report.ts';
import type { EvidenceReportRepository } from './export.port.ts';

/** The default period: the 30 days up to today (Asia/Shanghai). */
const DEFAULT_DAYS = 30;

/** The period asked for, or the default; refuses a reversed or too long one, naming the field. */
export function reportPeriod(query: EvidenceReportQuery, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw ValidationError.field('from', 'RANGE_REVERSED', 'must not be after `to`');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > EVIDENCE_REPORT_MAX_DAYS)
    throw ValidationError.field('from', 'RANGE_TOO_LONG', `at most ${EVIDENCE_REPORT_MAX_DAYS} days`, { days: EVIDENCE_REPORT_MAX_DAYS });
  return { from, to };
}

/**
 * An enterprise's evidence report for a period, read by whoever may read its meetings (the rule
 * of `meetingScopeOf`: bureau roles all, zone officers their zone, the enterprise its own); others
 * get not found. Each report made is audited with its period, as it may back an enforcement action.
 */
export class EvidenceReportService {
  constructor(
    private readonly repo: EvidenceReportRepository,
    private readonly access: EnterpriseAccess,
    private readonly compliance: { materialise(date: string, enterpriseId?: string): Promise<number> },
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async report(actor: Actor, enterpriseId: string, query: EvidenceReportQuery, format: 'json' | 'pdf'): Promise<EvidenceReport> {
    await this.access.assertCanRead(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId }, meetingScopeOf);
    const enterprise = await this.repo.findEnterprise(enterpriseId);
    if (!enterprise) throw new NotFoundError('enterprise', enterpriseId);
    const today = shanghaiDate(this.now());
    const period = reportPeriod(query, today);
    // Today's slots may not be written yet (the sweep runs every few minutes); past days are history.
    if (period.to >= today) await this.compliance.materialise(today, enterpriseId);
    const rows = await this.repo.slots(enterpriseId, period.from, period.to);
    await this.audit.record({
      actor,
      action: 'compliance.evidence_report',
      entityType: 'enterprise',
      entityId: enterpriseId,
      entityLabel: enterprise.name,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { ...period, format, dueMeetings: rows.length },
    });
    return evidenceReport(enterprise, period, rows, this.now());
  }
}
