import { describe, expect, it } from 'vitest';
import { text } from './common.ts';
import { codeOfZodIssue } from './field-issues.ts';
import { controlCharacterAt } from './rules.ts';

describe('controlCharacterAt', () => {
  it('finds NUL, other C0 and C1 controls and DEL, and line breaks only where text is one line', () => {
    expect(controlCharacterAt('班前会\u0000记录', { lineBreaks: true })).toBe(3);
    expect(controlCharacterAt('a\u001bb', { lineBreaks: true })).toBe(1);
    expect(controlCharacterAt('a\u007fb', { lineBreaks: true })).toBe(1);
    expect(controlCharacterAt('a\u0085b', { lineBreaks: true })).toBe(1);
    expect(controlCharacterAt('第一行\r\n第二行\t完', { lineBreaks: true })).toBe(-1);
    expect(controlCharacterAt('第一行\n第二行', { lineBreaks: false })).toBe(3);
    expect(controlCharacterAt('天津市滨海新区 海滨大道1号', { lineBreaks: false })).toBe(-1);
  });
});

describe('text()', () => {
  it('refuses a control character or a line break inside a single-line field with FIELD_CONTROL_CHARACTER', () => {
    for (const value of ['名\u0000称', '名\n称', '名\t称']) {
      const issue = text(64).safeParse(value).error?.issues[0];
      expect(issue && codeOfZodIssue(issue, true), JSON.stringify(value)).toEqual({ code: 'FIELD_CONTROL_CHARACTER' });
    }
    expect(text(64).parse('  海滨化工  ')).toBe('海滨化工');
  });
});
