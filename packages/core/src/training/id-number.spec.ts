import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, idNumberProblem, isMobile, normaliseIdNumber, normaliseMobile } from './id-number.ts';

const TODAY = new Date('2026-12-01T00:00:00Z');

describe('idNumberCheckCharacter', () => {
  it('computes the GB 11643 check character, X for 10', () => {
    // The standard's own example.
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('44052418800101001')).toBe('4');
    expect(idNumberCheckCharacter('12010119900307123')).toBe('5');
  });
});

describe('idNumberProblem', () => {
  it('accepts valid numbers, including a check character X', () => {
    expect(idNumberProblem('11010519491231002X', TODAY)).toBeNull();
    expect(idNumberProblem('120101199003071235', TODAY)).toBeNull();
  });

  it('names the expected and actual check character when one digit is mistyped', () => {
    expect(idNumberProblem('120101199003071232', TODAY)).toEqual({
      code: 'ID_NUMBER_CHECK_DIGIT',
      params: { expected: '5', actual: '2' },
    });
    // Two neighbours swapped (…0307… → …0370…) changes the birth date; swapped in the sequence, the check.
    expect(idNumberProblem('120101199003072135', TODAY)?.code).toBe('ID_NUMBER_CHECK_DIGIT');
  });

  it('refuses a wrong length or letters other than a final X', () => {
    expect(idNumberProblem('12010119900307123', TODAY)).toEqual({ code: 'ID_NUMBER_FORMAT' });
    expect(idNumberProblem('1201011990030712321', TODAY)).toEqual({ code: 'ID_NUMBER_FORMAT' });
    expect(idNumberProblem('12010119900307123A', TODAY)).toEqual({ code: 'ID_NUMBER_FORMAT' });
    expect(idNumberProblem('X20101199003071232', TODAY)).toEqual({ code: 'ID_NUMBER_FORMAT' });
  });

  it('refuses an unknown province and an impossible or future birth date', () => {
    expect(idNumberProblem('990101199003071235', TODAY)).toEqual({ code: 'ID_NUMBER_REGION' });
    expect(idNumberProblem('120101199002301232', TODAY)).toEqual({ code: 'ID_NUMBER_BIRTH_DATE' });
    expect(idNumberProblem('120101203001011232', TODAY)).toEqual({ code: 'ID_NUMBER_BIRTH_DATE' });
    expect(idNumberProblem('120101180001011232', TODAY)).toEqual({ code: 'ID_NUMBER_BIRTH_DATE' });
  });

  it('normalises a lower-case x and spaces', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
  });
});

describe('mobile numbers', () => {
  it('accepts 11-digit mainland mobiles after taking off +86, spaces and dashes', () => {
    expect(normaliseMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('19912345678')).toBe(true);
  });

  it('refuses landlines, short numbers and numbers starting 10–12', () => {
    expect(isMobile('02225551234')).toBe(false);
    expect(isMobile('1381234567')).toBe(false);
    expect(isMobile('12812345678')).toBe(false);
  });
});
