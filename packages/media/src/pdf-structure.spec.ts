import { describe, expect, it } from 'vitest';
import { PDF_TAIL_BYTES, pdfVersionOf, startXrefOf, xrefSectionProblem } from './pdf-structure.ts';

/** A minimal one-page PDF with a classic xref table and correct offsets. */
function classicPdf(): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += object;
  }
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const tailOf = (file: Buffer) => file.subarray(Math.max(0, file.length - PDF_TAIL_BYTES));

describe('PDF structure', () => {
  it('finds the header version, the last startxref and a table whose trailer names the root', () => {
    const file = classicPdf();
    expect(pdfVersionOf(file)).toBe('1.4');
    const xref = startXrefOf(tailOf(file), file.length);
    expect(xref).toEqual({ offset: file.indexOf('xref\n0 4') });
    expect(xrefSectionProblem(file.subarray((xref as { offset: number }).offset))).toBeNull();
  });

  it('accepts an xref stream (PDF 1.5+) whose dictionary names the root', () => {
    const section = Buffer.from(
      '12 0 obj\n<< /Type /XRef /Size 13 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode /Length 9 >>\nstream\n\x78\x9c\x00\x01',
    );
    expect(xrefSectionProblem(section)).toBeNull();
    expect(xrefSectionProblem(Buffer.from('12 0 obj\n<< /Type /XRef /Size 13 >>\nstream\n'))).toBe('NO_ROOT');
    // Another object where the xref should be: the offset is wrong.
    expect(xrefSectionProblem(Buffer.from('5 0 obj\n<< /Type /Page /Root 1 0 R >>\nendobj\n'))).toBe('XREF_INVALID');
  });

  it('refuses a file with no header, and a renamed text or image', () => {
    expect(pdfVersionOf(Buffer.from('PK\x03\x04…'))).toBeNull();
    expect(pdfVersionOf(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(pdfVersionOf(Buffer.from('%PDF-'))).toBeNull();
  });

  it('refuses a file cut off before its end (no %%EOF, or no startxref before it)', () => {
    const file = classicPdf();
    const cut = file.subarray(0, Math.floor(file.length * 0.6));
    expect(startXrefOf(tailOf(cut), cut.length)).toEqual({ problem: 'NO_END' });
    const noStartXref = Buffer.from(file.toString('latin1').replace(/startxref\n\d+\n/, ''), 'latin1');
    expect(startXrefOf(tailOf(noStartXref), noStartXref.length)).toEqual({ problem: 'NO_END' });
  });

  it('refuses a startxref pointing past itself, and a table with no trailer or no root', () => {
    const file = classicPdf();
    const beyond = Buffer.from(file.toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1');
    expect(startXrefOf(tailOf(beyond), beyond.length)).toEqual({ problem: 'XREF_OUT_OF_RANGE' });
    expect(xrefSectionProblem(Buffer.from('xref\n0 1\n0000000000 65535 f \n'))).toBe('MORE');
    expect(xrefSectionProblem(Buffer.from('xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF'))).toBe('NO_ROOT');
  });

  it('takes the last of several startxref (an incrementally updated file)', () => {
    const tail = Buffer.from(
      'startxref\n100\n%%EOF\n2 0 obj\n<< >>\nendobj\nxref\n0 1\ntrailer\n<< /Root 1 0 R >>\nstartxref\n140\n%%EOF\r\n',
    );
    expect(startXrefOf(tail, 400)).toEqual({ offset: 140 });
  });
});
