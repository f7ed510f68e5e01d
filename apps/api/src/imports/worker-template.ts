import { WORKER_COLUMNS } from '@platform/core';
import ExcelJS from 'exceljs';

const COLUMNS = Object.values(WORKER_COLUMNS);
const REQUIRED = new Set<string>([WORKER_COLUMNS.displayName, WORKER_COLUMNS.phone, WORKER_COLUMNS.idNumber]);

const NOTES = [
  ['列', '是否必填', '说明'],
  [WORKER_COLUMNS.displayName, '必填', '职工姓名，最多 64 个字'],
  [WORKER_COLUMNS.phone, '必填', '11 位手机号，同时作为登录用户名；不能与已有账号重复'],
  [WORKER_COLUMNS.idNumber, '必填', '18 位居民身份证号，末位可为 X；系统会核对校验位'],
  [WORKER_COLUMNS.employeeNo, '选填', '企业内部工号'],
  [WORKER_COLUMNS.teamName, '选填', '须与“班组”中已有的班组名称完全一致；填写后职工加入该班组名册'],
  [WORKER_COLUMNS.position, '选填', '岗位或工种'],
  ['', '', ''],
  ['提示', '', '每行一名职工，一次最多 2000 行；任何一行有误时整个文件都不会导入，请按错误报告改正后重新上传。'],
];

/**
 * The import template as an .xlsx: the header row on the first sheet with every column formatted
 * as text (Excel would otherwise turn an 18-digit ID number into 1.20101E+17 and lose its last
 * digits), and a second sheet explaining each column.
 */
export async function workerTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('职工名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((header) => ({ header, width: header === WORKER_COLUMNS.idNumber ? 24 : 16, style: { numFmt: '@' } }));
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true, color: REQUIRED.has(String(cell.value)) ? { argb: 'FFC00000' } : undefined };
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ width: 12 }, { width: 10 }, { width: 80 }];
  notes.addRows(NOTES);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template as CSV: UTF-8 with a byte-order mark so Excel shows the Chinese header. */
export function workerTemplateCsv(): Buffer {
  return Buffer.from(`\uFEFF${COLUMNS.join(',')}\r\n`, 'utf8');
}
