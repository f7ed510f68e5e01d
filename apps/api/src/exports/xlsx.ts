// A one-sheet Excel workbook (Office Open XML), written row by row into a streamed zip: the sheet
// XML is deflated as it is produced, so a 100,000-row export never sits in memory. Strings are
// inline (no shared-string table, which would need every string before the first row), the
// heading is bold and frozen. fflate is the zip; the few XML parts are fixed text.
import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { neutraliseFormula, type Cell } from '@platform/core';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
// Style 0 plain, style 1 bold (the heading).
const STYLES = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

/** Escapes text for XML and drops the control characters XML 1.0 cannot carry at all. */
export function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing exactly these is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** Column letters of a 0-based index: 0 → A, 27 → AB. */
export function columnName(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

/**
 * One row of sheet XML. Numbers are numbers; text is an inline string, and formula-like text keeps
 * the apostrophe the CSV gets, so a copy pasted elsewhere stays inert too.
 */
export function rowXml(rowNumber: number, cells: Cell[], style = 0): string {
  const s = style ? ` s="${style}"` : '';
  const body = cells
    .map((cell, i) => {
      const ref = `${columnName(i)}${rowNumber}`;
      if (cell === null || cell === '') return '';
      if (typeof cell === 'number') return `<c r="${ref}"${s}><v>${cell}</v></c>`;
      return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(neutraliseFormula(cell))}</t></is></c>`;
    })
    .join('');
  return `<row r="${rowNumber}">${body}</row>`;
}

function workbookXml(sheetName: string): string {
  // Sheet names: at most 31 characters, none of []:*?/\
  const name = xmlText(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  return `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

function sheetStart(columns: number): string {
  const widths = Array.from({ length: columns }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="18" customWidth="1"/>`).join('');
  return `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${widths}</cols><sheetData>`;
}

/** The workbook as a byte stream; rows are pulled from `rows` as the client reads. */
export function xlsxStream(sheetName: string, columns: string[], rows: AsyncIterable<Cell[]>): Readable {
  // Rows are pulled only while the client keeps up: the loop waits when a megabyte is unread.
  let resume: (() => void) | undefined;
  const out = new Readable({
    read() {
      resume?.();
      resume = undefined;
    },
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) return out.destroy(error);
    out.push(Buffer.from(chunk));
    if (final) out.push(null);
  });
  const fixed = (name: string, text: string) => {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(new TextEncoder().encode(text), true);
  };
  fixed('[Content_Types].xml', CONTENT_TYPES);
  fixed('_rels/.rels', ROOT_RELS);
  fixed('xl/workbook.xml', workbookXml(sheetName));
  fixed('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  fixed('xl/styles.xml', STYLES);

  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  const encoder = new TextEncoder();
  void (async () => {
    try {
      let text = sheetStart(columns.length) + rowXml(1, columns, 1);
      let n = 1;
      for await (const row of rows) {
        text += rowXml(++n, row);
        // Deflate in chunks of about 64 KB: fewer calls, bounded memory.
        if (text.length > 65_536) {
          sheet.push(encoder.encode(text));
          text = '';
          if (out.readableLength > 1_048_576) await new Promise<void>((r) => (resume = r));
        }
      }
      sheet.push(encoder.encode(`${text}</sheetData></worksheet>`), true);
      zip.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
