import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, organisationCodeCheckCharacter } from './credit-code.ts';

describe('unified social credit code', () => {
  it('accepts published real codes', () => {
    // Codes printed on public business licences.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  it('rejects a wrong check character and names the expected one', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatchObject({
      code: 'CREDIT_CODE_CHECK_DIGIT',
      params: { expected: '3', actual: '4' },
    });
  });

  it('rejects wrong length, forbidden letters and a non-numeric division code', () => {
    expect(creditCodeProblem('9135010')).toMatchObject({ code: 'CREDIT_CODE_LENGTH', params: { length: 7 } });
    expect(creditCodeProblem('91350100M000100I43')).toMatchObject({
      code: 'CREDIT_CODE_CHARACTER',
      params: { position: 16, character: 'I' },
    });
    expect(creditCodeProblem('91A50100M000100Y43')).toMatchObject({ code: 'CREDIT_CODE_DIVISION' });
  });

  it('rejects a code whose organisation check digit is wrong even if the final character fits', () => {
    const first16 = '9112011600000000';
    const first17 = first16 + (organisationCodeCheckCharacter('00000000') === '1' ? '2' : '1');
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(creditCodeProblem(code)).toMatchObject({ code: 'CREDIT_CODE_ORG_CHECK_DIGIT' });
  });
});
