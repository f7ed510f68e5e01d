// Reads an uploaded worker list, CSV or Excel, into rows of text for the import's checks. What
// Chinese offices actually send: .xlsx from WPS or Excel, and CSV saved by Excel in GBK (Excel's
// "CSV" on a Chinese Windows) or in UTF-8 with a byte-order mark ("CSV UTF-8").
import { ValidationError, type SheetReader, type SheetTable } from '@platform/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';

/** Most bytes the parts of an .xlsx may unpack to: a 5 MB file of 2,000 rows unpacks to far less; a zip bomb to far more. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const notATable = () => ValidationError.field('file', 'WORKER_IMPORT_NOT_A_TABLE', 'send a CSV or an Excel .xlsx file');
const unreadable = (cause?: unknown) => {
  const error = ValidationError.field('file', 'WORKER_IMPORT_UNREADABLE', 'the file cannot be read');
  if (cause) Object.defineProperty(error, 'cause', { value: cause });
  return error;
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The reader the import service uses. */
export function createSheetReader(): SheetReader {
  return {
    async read(bytes) {
      if (bytes.length === 0) throw ValidationError.field('file', 'WORKER_IMPORT_EMPTY', 'the file is empty');
      if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes);
      // Old binary .xls (OLE2), PDF, images…: ask for .xlsx or CSV rather than guess.
      if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw notATable();
      return readCsv(decodeText(bytes));
    },
  };
}

/**
 * The text of a CSV: UTF-8 (with or without a byte-order mark), UTF-16 with a mark (Excel's
 * "Unicode text"), else GB18030, the superset of GBK that Chinese Excel writes. Binary bytes
 * (NUL outside UTF-16) mean it is no text at all.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) throw notATable();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  }
}

/** Rows of a CSV text, comma- or tab-separated (whichever the header row uses), numbered from 1. */
export function readCsv(text: string): SheetTable {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false });
  } catch (cause) {
    throw unreadable(cause);
  }
  return tableOf(records.map((cells, i) => ({ rowNumber: i + 1, cells })));
}

/** The first worksheet of an .xlsx, each cell as the text it shows (numbers without exponent where they are exact). */
async function readXlsx(bytes: Uint8Array): Promise<SheetTable> {
  let unpacked = 0;
  try {
    // Only the sizes are read here (nothing is inflated): a small file that unpacks to gigabytes is refused.
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch (cause) {
    throw unreadable(cause);
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw unreadable();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (cause) {
    // A zip that is no workbook (a .docx, an archive) reads as no worksheet, or fails here.
    throw unreadable(cause);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notATable();
  const rows: SheetTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return tableOf(rows);
}

/** A cell's value as text: rich text joined, formulas by their result, exact whole numbers without an exponent. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/** The first row with anything in it is the header; the data rows follow it. */
function tableOf(rows: SheetTable['rows']): SheetTable {
  const headerAt = rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw ValidationError.field('file', 'WORKER_IMPORT_EMPTY', 'the file is empty');
  return { header: rows[headerAt]!.cells, rows: rows.slice(headerAt + 1) };
}
