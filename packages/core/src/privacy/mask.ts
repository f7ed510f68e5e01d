// Letters count as well as digits: an ID number (身份证号) may end in X.
const MASKABLE = /[0-9A-Za-z]/;

/**
 * A phone or ID number with its middle hidden: 13812345678 → 138****5678, an 18-character ID
 * number → first 3 and last 4 shown. Shorter numbers (landlines) show a quarter at each end, so at
 * least half is always hidden. Separators (+ - spaces) stay where they are. Null stays null. Pure.
 */
export function maskNumber<T extends string | null | undefined>(value: T): T {
  if (!value) return value;
  const chars = [...(value as string)];
  const positions = chars.flatMap((c, i) => (MASKABLE.test(c) ? [i] : []));
  const n = positions.length;
  const head = n >= 11 ? 3 : Math.floor(n / 4);
  const tail = n >= 11 ? 4 : Math.floor(n / 4);
  const hidden = new Set(positions.slice(head, n - tail));
  return chars.map((c, i) => (hidden.has(i) ? '*' : c)).join('') as T;
}

/** A mobile or landline number for people who may know it exists but do not need it. */
export const maskPhone = maskNumber;
/** A national ID number (身份证号) for people who may know it exists but do not need it. */
export const maskIdNumber = maskNumber;
