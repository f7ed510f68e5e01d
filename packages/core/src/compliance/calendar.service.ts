import type { CalendarDay, CalendarDayInput, CalendarQuery } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { NotFoundError, ValidationError } from '../errors/index.ts';
import { shanghaiDate } from '../meetings/shift-window.ts';
import type { ComplianceService } from './compliance.service.ts';
import { addDays } from './due-meetings.ts';

export interface CalendarRepository {
  list(enterpriseId: string, from: string, to: string): Promise<CalendarDay[]>;
  set(enterpriseId: string, date: string, day: CalendarDayInput): Promise<CalendarDay>;
  /** False when there was no exception on that day. */
  clear(enterpriseId: string, date: string): Promise<boolean>;
}

/** Past days are history: their meetings were due (or not) as the calendar then said. */
const MAX_DAYS = 400;

/**
 * An enterprise's exceptions to its shifts: holidays and shutdowns (no meeting due) and 调休
 * working days (the weekday shifts run). A change re-derives that day's open slots at once.
 */
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly compliance: ComplianceService,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, enterpriseId: string, query: CalendarQuery): Promise<CalendarDay[]> {
    await this.access.assertCanRead(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    const from = query.from ?? shanghaiDate(this.now());
    const to = query.to ?? addDays(from, 90);
    if (from > to) throw new ValidationError([{ field: 'from', code: 'RANGE_REVERSED', message: 'must not be after `to`' }]);
    if (Date.parse(to) - Date.parse(from) > MAX_DAYS * 86_400_000)
      throw new ValidationError([{ field: 'to', code: 'RANGE_TOO_LONG', params: { days: MAX_DAYS }, message: `at most ${MAX_DAYS} days` }]);
    return this.calendar.list(enterpriseId, from, to);
  }

  async set(actor: Actor, enterpriseId: string, date: string, input: CalendarDayInput): Promise<CalendarDay> {
    await this.access.assertCanManage(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    this.requireNotPast(date);
    const day = await this.calendar.set(enterpriseId, date, input);
    await this.changed(actor, enterpriseId, date, { kind: input.kind });
    return day;
  }

  async clear(actor: Actor, enterpriseId: string, date: string): Promise<void> {
    await this.access.assertCanManage(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    this.requireNotPast(date);
    if (!(await this.calendar.clear(enterpriseId, date))) throw new NotFoundError('calendarDay', date);
    await this.changed(actor, enterpriseId, date, { kind: null });
  }

  private requireNotPast(date: string): void {
    if (date < shanghaiDate(this.now()))
      throw new ValidationError([
        { field: 'date', code: 'DATE_IN_PAST', message: 'past days keep the calendar they had; choose today or later' },
      ]);
  }

  private async changed(actor: Actor, enterpriseId: string, date: string, details: { kind: string | null }): Promise<void> {
    await this.compliance.materialise(date, enterpriseId);
    await this.audit.record({
      actor,
      action: 'calendar.update',
      entityType: 'enterprise',
      entityId: enterpriseId,
      entityLabel: date,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { date, ...details },
    });
  }
}
