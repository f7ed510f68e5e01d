import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from './id-number.ts';
import { cappedIssues, columnsOf, draftsOf, WORKER_IMPORT_MAX_ISSUES, workerRowIssues, type SheetTable } from './worker-rows.ts';

const TODAY = new Date('2026-12-01T00:00:00Z');
const id = (seq: number) => {
  const first17 = `12011619900301${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};
const context = {
  takenPhones: new Set(['13900000009']),
  takenIdNumbers: new Set([id(9)]),
  teamNames: new Set(['甲班']),
  today: TODAY,
};

function table(rows: string[][], header = ['姓名', '手机号', '身份证号', '工号', '班组', '岗位']): SheetTable {
  return { header, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })) };
}

function issuesOf(rows: string[][]) {
  const t = table(rows);
  const { columns } = columnsOf(t.header);
  return workerRowIssues(draftsOf(t, columns), context).map((i) => [i.field, i.code, i.params]);
}

describe('columnsOf', () => {
  it('finds columns by the template headers, with required marks, aliases and a byte-order mark', () => {
    const { columns, issues } = columnsOf(['\uFEFF姓名*', '备注', '手机号码（必填）', '身份证', '所属班组']);
    expect(issues).toEqual([]);
    expect(columns).toEqual({ displayName: 0, phone: 2, idNumber: 3, teamName: 4 });
  });

  it('names each missing required column and a column given twice', () => {
    const { issues } = columnsOf(['姓名', '姓名', '工号']);
    expect(issues.map((i) => [i.field, i.code, i.params])).toEqual([
      ['file', 'WORKER_IMPORT_COLUMN_DUPLICATE', { column: '姓名' }],
      ['file', 'WORKER_IMPORT_COLUMN_MISSING', { column: '手机号' }],
      ['file', 'WORKER_IMPORT_COLUMN_MISSING', { column: '身份证号' }],
    ]);
  });
});

describe('workerRowIssues', () => {
  it('passes good rows, normalising phones and a lower-case x, and skips blank rows', () => {
    const t = table([
      ['刘洋', '+86 139-0000-0001', id(1).toLowerCase(), 'E1', '甲班', '操作工'],
      ['', ' ', '', '', '', ''],
    ]);
    const drafts = draftsOf(t, columnsOf(t.header).columns);
    expect(drafts).toEqual([
      { rowNumber: 2, displayName: '刘洋', phone: '13900000001', idNumber: id(1), employeeNo: 'E1', teamName: '甲班', position: '操作工' },
    ]);
    expect(workerRowIssues(drafts, context)).toEqual([]);
  });

  it('reports every problem of every row on rows.<row>.<column>', () => {
    expect(
      issuesOf([
        ['', '1390000000', `${id(2).slice(0, 17)}0`, '', '乙班', ''],
        ['张三', '13900000009', id(9), '', '', ''],
        ['李四', '13900000003', id(3), '', '', ''],
        ['王五', '13900000003', id(3), '', '', ''],
        ['赵\u0000六', '13900000006', '12011620300101001X', '', '', ''],
      ]),
    ).toEqual([
      ['rows.2.displayName', 'FIELD_REQUIRED', undefined],
      ['rows.2.phone', 'PHONE_NOT_MOBILE', undefined],
      ['rows.2.idNumber', 'ID_NUMBER_CHECK_DIGIT', { expected: id(2)[17], actual: '0' }],
      ['rows.2.teamName', 'WORKER_TEAM_UNKNOWN', { team: '乙班' }],
      ['rows.3.phone', 'PHONE_TAKEN', undefined],
      ['rows.3.idNumber', 'ID_NUMBER_TAKEN', undefined],
      ['rows.5.phone', 'DUPLICATE_IN_FILE', { row: 4 }],
      ['rows.5.idNumber', 'DUPLICATE_IN_FILE', { row: 4 }],
      ['rows.6.displayName', 'FIELD_CONTROL_CHARACTER', undefined],
      ['rows.6.idNumber', 'ID_NUMBER_BIRTH_DATE', undefined],
    ]);
  });

  it('refuses overlong values with their limit', () => {
    expect(issuesOf([['名'.repeat(65), '13900000001', id(1), 'E'.repeat(33), '', '']])).toEqual([
      ['rows.2.displayName', 'FIELD_TOO_LONG', { max: 64 }],
      ['rows.2.employeeNo', 'FIELD_TOO_LONG', { max: 32 }],
    ]);
  });
});

describe('cappedIssues', () => {
  it('keeps the first issues and says how many more there are', () => {
    const many = Array.from({ length: WORKER_IMPORT_MAX_ISSUES + 7 }, (_, i) => ({
      field: `rows.${i + 2}.phone`,
      code: 'PHONE_NOT_MOBILE' as const,
      message: 'x',
    }));
    const capped = cappedIssues(many);
    expect(capped).toHaveLength(WORKER_IMPORT_MAX_ISSUES + 1);
    expect(capped.at(-1)).toMatchObject({ field: 'file', code: 'WORKER_IMPORT_MORE_ISSUES', params: { count: 7 } });
  });
});
