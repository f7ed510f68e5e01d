import { EXPORT_MAX_ROWS, type MeetingExportQuery, type MissingExportQuery } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { meetingScopeOf } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import type { ComplianceService } from '../compliance/compliance.service.ts';
import { ExportTooLargeError } from '../errors/index.ts';
import { shanghaiDate } from '../meetings/shift-window.ts';
import { MEETING_COLUMNS, MISSING_COLUMNS, meetingCells, missingCells } from './export-rows.ts';
import type { ExportRepository } from './export.port.ts';
import type { ExportTable } from './table.ts';

/** The filters as the audit row records them: what was taken out, not the paging. */
function filterOf(query: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );
}

async function* mapRows<T, R>(rows: AsyncIterable<T>, map: (row: T) => R): AsyncGenerator<R> {
  for await (const row of rows) yield map(row);
}

/**
 * Lists as files: every row the list's filters match in the caller's scope (the list's own rule,
 * `meetingScopeOf`), refused above {@link EXPORT_MAX_ROWS}, and audited before the first row.
 */
export class ExportService {
  constructor(
    private readonly repo: ExportRepository,
    private readonly compliance: Pick<ComplianceService, 'missing'>,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly maxRows: number = EXPORT_MAX_ROWS,
  ) {}

  async meetings(actor: Actor, query: MeetingExportQuery): Promise<ExportTable> {
    const scope = meetingScopeOf(actor);
    const count = await this.repo.countMeetings(scope, query);
    if (count > this.maxRows) throw new ExportTooLargeError(count, this.maxRows);
    await this.audit.record({ actor, action: 'meeting.export', outcome: 'SUCCESS', details: { filter: filterOf(query), rows: count } });
    const now = this.now();
    const period = query.from || query.to ? `${query.from ?? ''}至${query.to ?? ''}` : shanghaiDate(now);
    return {
      fileName: `班前会记录_${period}`,
      sheetName: '班前会记录',
      columns: MEETING_COLUMNS,
      rows: mapRows(this.repo.meetings(scope, query), (m) => meetingCells(m, now)),
    };
  }

  async missing(actor: Actor, query: MissingExportQuery): Promise<ExportTable> {
    const now = this.now();
    const date = query.date ?? shanghaiDate(now);
    // The list itself first: it derives the day's slots if the sweep has not, and counts them.
    const { total } = await this.compliance.missing(actor, { ...query, date, page: 1, pageSize: 1 });
    if (total > this.maxRows) throw new ExportTooLargeError(total, this.maxRows);
    await this.audit.record({ actor, action: 'compliance.export', outcome: 'SUCCESS', details: { filter: filterOf(query), rows: total } });
    return {
      fileName: `未上报班前会_${date}`,
      sheetName: '未上报班前会',
      columns: MISSING_COLUMNS,
      rows: mapRows(this.repo.missing(meetingScopeOf(actor), query, date, now), (r) => missingCells(r, now)),
    };
  }
}
