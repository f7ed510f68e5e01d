import { describe, expect, it } from 'vitest';
import { beijingTime, contentDisposition, csvChunks, csvField, CSV_BOM } from './table.ts';

describe('csvField', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86 138')).toBe("'+86 138");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('班组=一班')).toBe('班组=一班');
  });

  it('quotes commas, quotes and line breaks; keeps numbers and empties', () => {
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

describe('csvChunks', () => {
  it('starts with the byte-order mark and the heading, one CRLF line per row', async () => {
    async function* rows() {
      yield ['一', 1];
      yield [null, '二'];
    }
    const chunks: string[] = [];
    for await (const chunk of csvChunks({ columns: ['甲', '乙'], rows: rows() })) chunks.push(chunk);
    expect(chunks).toEqual([`${CSV_BOM}甲,乙\r\n`, '一,1\r\n', ',二\r\n']);
  });
});

describe('beijingTime', () => {
  it('shows an instant on the Beijing wall clock, across midnight', () => {
    expect(beijingTime(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28 07:30');
    expect(beijingTime('2026-11-28T07:30:00+08:00')).toBe('2026-11-28 07:30');
    expect(beijingTime(null)).toBe('');
  });
});

describe('contentDisposition', () => {
  it('gives the Chinese name in RFC 5987 form and an ASCII fallback', () => {
    const header = contentDisposition('班前会记录_2026-11-28.csv', 'export.csv');
    expect(header).toBe(`attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('班前会记录')}_2026-11-28.csv`);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('班前会记录_2026-11-28.csv');
    expect(contentDisposition("a'(b).csv", 'x"y.csv')).toBe(`attachment; filename="x_y.csv"; filename*=UTF-8''a%27%28b%29.csv`);
  });
});
