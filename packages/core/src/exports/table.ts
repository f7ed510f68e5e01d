// Tables the server writes as files: a Chinese heading and the cells of each row, already in
// words people read (states in Chinese, Beijing wall-clock times). Encoders (CSV here, XLSX and
// PDF in the API) only lay the cells out.

/** A cell: text, a number Excel may sum, or empty. */
export type Cell = string | number | null;

/** A file to send: its name (Chinese, without extension), heading and rows, streamed. */
export interface ExportTable {
  fileName: string;
  sheetName: string;
  columns: string[];
  rows: AsyncIterable<Cell[]>;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `2026-11-28 07:30` in Beijing time (no daylight saving), as the people reading the file live by it. */
export function beijingTime(at: Date | string | null | undefined): string {
  if (at === null || at === undefined) return '';
  const ms = (typeof at === 'string' ? new Date(at) : at).getTime() + SHANGHAI_OFFSET_MS;
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
}

/** Excel reads a UTF-8 CSV as UTF-8 (and shows Chinese) only with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/**
 * Text that Excel or LibreOffice would run as a formula gets a leading apostrophe: enterprise and
 * host names are typed by enterprises, and a cell `=HYPERLINK(…)` must stay text (CSV injection).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field, RFC 4180 quoting, formulas neutralised; numbers stay numbers. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of a table, BOM and heading first, one chunk per row, for streaming. */
export async function* csvChunks(table: Pick<ExportTable, 'columns' | 'rows'>): AsyncGenerator<string> {
  const line = (cells: Cell[]) => `${cells.map(csvField).join(',')}\r\n`;
  yield CSV_BOM + line(table.columns);
  for await (const row of table.rows) yield line(row);
}

/**
 * `Content-Disposition` for a download with a Chinese name: RFC 6266/5987 `filename*` in UTF-8,
 * and an ASCII `filename` fallback for clients that know only that.
 */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
