// 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and
// a check character computed from the first 17 (ISO 7064 MOD 11-2). A typo in any one digit, or
// two neighbours swapped, changes the check character, which is why it is checked here rather
// than only the length.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
// First two digits: the province-level division (GB/T 2260), 83 for Taiwan residence permits.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);

/** Why an ID number is not valid, with the params its error code declares. */
export type IdNumberProblem =
  | { code: 'ID_NUMBER_FORMAT' }
  | { code: 'ID_NUMBER_REGION' }
  | { code: 'ID_NUMBER_BIRTH_DATE' }
  | { code: 'ID_NUMBER_CHECK_DIGIT'; params: { expected: string; actual: string } };

/** The check character (0–9 or X) of the first 17 digits. Pure. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** An ID number as stored: trimmed, inner spaces removed, a lower-case x made upper case. Pure. */
export function normaliseIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * What is wrong with an 18-character ID number (already normalised), or null when it is valid:
 * its shape, the province, a real birth date not after `today`, then the check character. Only
 * the first problem is reported: a wrong birth date makes the check character meaningless. Pure.
 */
export function idNumberProblem(idNumber: string, today: Date = new Date()): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { code: 'ID_NUMBER_FORMAT' };
  if (!PROVINCES.has(Number(idNumber.slice(0, 2)))) return { code: 'ID_NUMBER_REGION' };
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) return { code: 'ID_NUMBER_BIRTH_DATE' };
  const expected = idNumberCheckCharacter(idNumber);
  const actual = idNumber[17]!;
  return expected === actual ? null : { code: 'ID_NUMBER_CHECK_DIGIT', params: { expected, actual } };
}

/** A mainland mobile number as stored: 11 digits, with +86 / 0086, spaces and dashes taken off. Pure. */
export function normaliseMobile(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
}

/** True for an 11-digit mainland mobile number (1, then 3–9, then 9 digits), already normalised. Pure. */
export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}
