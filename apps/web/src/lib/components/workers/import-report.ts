import type { FieldIssue } from '$lib/api/client.ts';
import { translateError } from '$lib/i18n/index.ts';
import { t } from '$lib/i18n/index.ts';

/** One line of an import's problem report: the row (null for the file itself), the column's header, what is wrong. */
export interface ReportLine {
  row: number | null;
  column: string;
  problem: string;
}

/**
 * The import's field issues as table lines, in the order the server found them: `file` issues
 * (wrong header, empty, not a table) first, then `rows.<row>.<column>` with the column named as
 * the template's Chinese header. Pure.
 */
export function reportLines(issues: FieldIssue[]): ReportLine[] {
  const headers: Record<string, string> = t.workers.fields;
  const columnOf: Record<string, string> = { ...headers, teamName: headers.team! };
  return issues.map((issue) => {
    const match = /^rows\.(\d+)\.(\w+)$/.exec(issue.field);
    return {
      row: match ? Number(match[1]) : null,
      column: match ? (columnOf[match[2]!] ?? match[2]!) : '',
      problem: translateError(issue.code, issue.params ?? {}),
    };
  });
}

/** The created accounts and their one-time passwords as a CSV Excel opens in Chinese (byte-order mark, CRLF). */
export function passwordsCsv(
  rows: { displayName: string; phone: string | null; username: string; initialPassword: string; team: { name: string } | null }[],
): Blob {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    t.workers.importPage.passwordsHeader.join(','),
    ...rows.map((r) => [r.displayName, r.phone ?? '', r.username, r.initialPassword, r.team?.name ?? ''].map(cell).join(',')),
  ];
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
