import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, rowXml, xlsxStream, xmlText } from './xlsx.ts';

describe('xlsx parts', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(xmlText('<a & "b">\u0000\u0007x')).toBe('&lt;a &amp; &quot;b&quot;&gt;x');
  });

  it('writes numbers as numbers, text inline with formulas neutralised, and skips empty cells', () => {
    expect(rowXml(2, ['班组', 3, null, '=1+1'])).toBe(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">班组</t></is></c><c r="B2"><v>3</v></c>' +
        `<c r="D2" t="inlineStr"><is><t xml:space="preserve">'=1+1</t></is></c></row>`,
    );
  });
});

describe('xlsxStream', () => {
  it('streams a zip with the workbook parts and every row', async () => {
    async function* rows() {
      for (let i = 0; i < 3000; i++) yield [`第${i}行`, i];
    }
    const chunks: Buffer[] = [];
    for await (const chunk of xlsxStream('记录:1', ['名称', '序号'], rows())) chunks.push(chunk as Buffer);
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="记录 1"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet.match(/<row /g)).toHaveLength(3001);
    expect(sheet).toContain('<c r="A3001" t="inlineStr"><is><t xml:space="preserve">第2999行</t></is></c><c r="B3001"><v>2999</v></c>');
    expect(sheet.endsWith('</sheetData></worksheet>')).toBe(true);
  });
});
