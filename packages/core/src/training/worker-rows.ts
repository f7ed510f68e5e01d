// The rows of a worker import (CSV or XLSX, read elsewhere into a table of strings) checked as
// pure functions: which column is which, what each row says, and every problem of every row, so
// the officer fixes the whole file at once and nothing is imported while one row is wrong.
import { controlCharacterAt, type ErrorCode } from '@platform/contracts';
import type { ErrorParams, FieldIssue } from '../errors/index.ts';
import { idNumberProblem, isMobile, normaliseIdNumber, normaliseMobile } from './id-number.ts';

/** The columns of the import template, by the key used in field paths, with their Chinese headers. */
export const WORKER_COLUMNS = {
  displayName: '姓名',
  phone: '手机号',
  idNumber: '身份证号',
  employeeNo: '工号',
  teamName: '班组',
  position: '岗位',
} as const;
export type WorkerColumn = keyof typeof WORKER_COLUMNS;

/** Columns a file must have; the others may be left out. */
export const REQUIRED_WORKER_COLUMNS: readonly WorkerColumn[] = ['displayName', 'phone', 'idNumber'];

/** Most rows one import takes: a large plant's workforce, and what one request can hash passwords for. */
export const WORKER_IMPORT_MAX_ROWS = 2000;

/** Most row problems reported; past it one more issue says how many were left out. */
export const WORKER_IMPORT_MAX_ISSUES = 500;

const MAX_LENGTH: Record<WorkerColumn, number> = { displayName: 64, phone: 20, idNumber: 20, employeeNo: 32, teamName: 64, position: 64 };

// Other headers people write for the same column (Excel templates from HR systems).
const ALIASES: Record<string, WorkerColumn> = {
  姓名: 'displayName',
  名字: 'displayName',
  手机号: 'phone',
  手机: 'phone',
  手机号码: 'phone',
  联系电话: 'phone',
  身份证号: 'idNumber',
  身份证: 'idNumber',
  身份证号码: 'idNumber',
  工号: 'employeeNo',
  员工编号: 'employeeNo',
  班组: 'teamName',
  所属班组: 'teamName',
  岗位: 'position',
  职务: 'position',
};

/** A file read into text: its header row and the data rows with their row numbers as the spreadsheet shows them. */
export interface SheetTable {
  header: string[];
  rows: { rowNumber: number; cells: string[] }[];
}

/** One row of a worker import, cleaned up and ready to check. */
export interface WorkerDraft {
  rowNumber: number;
  displayName: string;
  phone: string;
  idNumber: string;
  employeeNo: string | null;
  teamName: string | null;
  position: string | null;
}

/** A problem of one value: which column, which code, and the code's params. */
export interface ValueProblem {
  column: WorkerColumn;
  code: ErrorCode;
  params?: ErrorParams;
}

/** What the import must know about the platform to check rows against it. */
export interface WorkerRowContext {
  /** Phone numbers that already belong to an account, or are taken as a user name. */
  takenPhones: ReadonlySet<string>;
  takenIdNumbers: ReadonlySet<string>;
  /** Names of the enterprise's active teams. */
  teamNames: ReadonlySet<string>;
  today: Date;
}

function headerKey(cell: string): string {
  // "姓名*" and "手机号（必填）" are how templates mark required columns.
  return cell
    .replace(/^\uFEFF/, '')
    .replace(/[*＊]/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '');
}

/**
 * Which column of the file holds what, or the header problems as issues on `file`: each required
 * column that is missing (named in Chinese), each one given twice. Unknown columns are ignored, so
 * an HR export with extra columns imports as it is. Pure.
 */
export function columnsOf(header: string[]): { columns: Partial<Record<WorkerColumn, number>>; issues: FieldIssue[] } {
  const columns: Partial<Record<WorkerColumn, number>> = {};
  const issues: FieldIssue[] = [];
  header.forEach((cell, index) => {
    const column = ALIASES[headerKey(cell)];
    if (!column) return;
    if (columns[column] !== undefined) {
      issues.push({
        field: 'file',
        code: 'WORKER_IMPORT_COLUMN_DUPLICATE',
        params: { column: WORKER_COLUMNS[column] },
        message: `the column ${WORKER_COLUMNS[column]} appears twice`,
      });
    } else columns[column] = index;
  });
  for (const column of REQUIRED_WORKER_COLUMNS) {
    if (columns[column] === undefined)
      issues.push({
        field: 'file',
        code: 'WORKER_IMPORT_COLUMN_MISSING',
        params: { column: WORKER_COLUMNS[column] },
        message: `the header row has no column ${WORKER_COLUMNS[column]}`,
      });
  }
  return { columns, issues };
}

/** The data rows as drafts, blank rows skipped, values trimmed and phone and ID number normalised. Pure. */
export function draftsOf(table: SheetTable, columns: Partial<Record<WorkerColumn, number>>): WorkerDraft[] {
  const cell = (cells: string[], column: WorkerColumn) => {
    const index = columns[column];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  return table.rows
    .filter((row) => row.cells.some((c) => c.trim() !== ''))
    .map((row) => ({
      rowNumber: row.rowNumber,
      displayName: cell(row.cells, 'displayName'),
      phone: normaliseMobile(cell(row.cells, 'phone')),
      idNumber: normaliseIdNumber(cell(row.cells, 'idNumber')),
      employeeNo: cell(row.cells, 'employeeNo') || null,
      teamName: cell(row.cells, 'teamName') || null,
      position: cell(row.cells, 'position') || null,
    }));
}

/**
 * Problems of one worker's own values (empty, too long, control characters, not a mobile, ID
 * number shape, birth date and check digit), the same for an import row and a single account. Pure.
 */
export function workerValueProblems(draft: Omit<WorkerDraft, 'rowNumber'>, today: Date): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const column of Object.keys(WORKER_COLUMNS) as WorkerColumn[]) {
    const value = draft[column];
    if (value === null) continue;
    if (value === '') {
      if (REQUIRED_WORKER_COLUMNS.includes(column)) problems.push({ column, code: 'FIELD_REQUIRED' });
    } else if (controlCharacterAt(value, { lineBreaks: false }) >= 0) {
      problems.push({ column, code: 'FIELD_CONTROL_CHARACTER' });
    } else if ([...value].length > MAX_LENGTH[column]) {
      problems.push({ column, code: 'FIELD_TOO_LONG', params: { max: MAX_LENGTH[column] } });
    }
  }
  const flagged = new Set(problems.map((p) => p.column));
  if (!flagged.has('phone') && draft.phone && !isMobile(draft.phone)) problems.push({ column: 'phone', code: 'PHONE_NOT_MOBILE' });
  if (!flagged.has('idNumber') && draft.idNumber) {
    const problem = idNumberProblem(draft.idNumber, today);
    if (problem) problems.push({ column: 'idNumber', code: problem.code, ...('params' in problem ? { params: problem.params } : {}) });
  }
  return problems;
}

/**
 * Every problem of every row, as issues on `rows.<row>.<column>` (the row number as the
 * spreadsheet shows it, the header being row 1): the row's own values, a phone or ID number given
 * twice in the file (naming the first row), one that already has an account, a team the enterprise
 * does not have. Pure.
 */
export function workerRowIssues(drafts: WorkerDraft[], context: WorkerRowContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const firstRowOf = { phone: new Map<string, number>(), idNumber: new Map<string, number>() };
  for (const draft of drafts) {
    const problems = workerValueProblems(draft, context.today);
    const flagged = new Set(problems.map((p) => p.column));
    for (const column of ['phone', 'idNumber'] as const) {
      const value = draft[column];
      if (flagged.has(column) || !value) continue;
      const first = firstRowOf[column].get(value);
      if (first !== undefined) problems.push({ column, code: 'DUPLICATE_IN_FILE', params: { row: first } });
      else {
        firstRowOf[column].set(value, draft.rowNumber);
        const taken = column === 'phone' ? context.takenPhones.has(value) : context.takenIdNumbers.has(value);
        if (taken) problems.push({ column, code: column === 'phone' ? 'PHONE_TAKEN' : 'ID_NUMBER_TAKEN' });
      }
    }
    if (!flagged.has('teamName') && draft.teamName && !context.teamNames.has(draft.teamName))
      problems.push({ column: 'teamName', code: 'WORKER_TEAM_UNKNOWN', params: { team: draft.teamName } });
    issues.push(...problems.map((p) => rowIssue(draft.rowNumber, p)));
  }
  return issues;
}

/** A row problem as a field issue on `rows.<row>.<column>`. */
export function rowIssue(rowNumber: number, problem: ValueProblem): FieldIssue {
  return {
    field: `rows.${rowNumber}.${problem.column}`,
    code: problem.code,
    ...(problem.params ? { params: problem.params } : {}),
    message: `row ${rowNumber}, column ${WORKER_COLUMNS[problem.column]}: ${problem.code}`,
  };
}

/** At most {@link WORKER_IMPORT_MAX_ISSUES} issues, and one more saying how many were left out. Pure. */
export function cappedIssues(issues: FieldIssue[]): FieldIssue[] {
  if (issues.length <= WORKER_IMPORT_MAX_ISSUES) return issues;
  const left = issues.length - WORKER_IMPORT_MAX_ISSUES;
  return [
    ...issues.slice(0, WORKER_IMPORT_MAX_ISSUES),
    { field: 'file', code: 'WORKER_IMPORT_MORE_ISSUES', params: { count: left }, message: `${left} more problems not listed` },
  ];
}
