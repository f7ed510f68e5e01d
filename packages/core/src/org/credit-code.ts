// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet without I, O, Z, S, V.
// Position 1 is the registering authority, 2 the entity type, 3–8 the administrative division,
// 9–17 the organisation code (with its own GB 11714 check digit), 18 the overall check character.

import type { ErrorCode } from '@platform/contracts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Why a credit code is invalid: a field-issue code with its params and an English explanation. */
export interface CreditCodeProblem {
  code: Extract<ErrorCode, `CREDIT_CODE_${string}`>;
  params?: Record<string, string | number>;
  message: string;
}

/** Why a credit code is invalid, or null when it is valid. */
export function creditCodeProblem(input: string): CreditCodeProblem | null {
  const code = input.trim().toUpperCase();
  if (code.length !== 18)
    return { code: 'CREDIT_CODE_LENGTH', params: { length: code.length }, message: `must be 18 characters, got ${code.length}` };
  for (const [i, ch] of [...code].entries()) {
    if (!ALPHABET.includes(ch)) {
      return {
        code: 'CREDIT_CODE_CHARACTER',
        params: { position: i + 1, character: ch },
        message: `character ${i + 1} ("${ch}") is not allowed; I, O, Z, S and V are never used`,
      };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return { code: 'CREDIT_CODE_DIVISION', message: 'characters 3–8 must be the 6-digit administrative division code' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      code: 'CREDIT_CODE_CHECK_DIGIT',
      params: { expected, actual: code[17]! },
      message: `check character should be "${expected}", not "${code[17]}"; re-type the code from the business licence`,
    };
  }
  return organisationCodeProblem(code.slice(8, 17));
}

/** True when `input` is a valid unified social credit code. */
export function isValidCreditCode(input: string): boolean {
  return creditCodeProblem(input) === null;
}

/** The 18th character for the first 17 characters of a credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character for the first 8 characters of an organisation code. */
export function organisationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(first8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function organisationCodeProblem(org: string): CreditCodeProblem | null {
  const expected = organisationCodeCheckCharacter(org.slice(0, 8));
  return org[8] === expected
    ? null
    : {
        code: 'CREDIT_CODE_ORG_CHECK_DIGIT',
        params: { expected },
        message: `character 17 (organisation code check digit) should be "${expected}"; re-type the code from the business licence`,
      };
}
