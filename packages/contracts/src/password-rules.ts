// The password policy's composition rules, as plain data and one function with no imports, so the
// web app can show live hints (`@platform/contracts/password-rules`) by the same numbers the server
// enforces. The server also checks the common-password list and reuse, which need data the browser
// does not have.

/** Minimum length of a password, in characters. */
export const PASSWORD_MIN_LENGTH = 10;
/** Minimum number of character classes (upper case, lower case, digit, symbol) a password uses. */
export const PASSWORD_MIN_CLASSES = 3;
/** How many of the latest passwords (the current one included) may not be chosen again. */
export const PASSWORD_HISTORY_COUNT = 5;

/** Which of the four character classes `password` uses. Letters without case (CJK) count as symbols. */
export function characterClasses(password: string): { upper: boolean; lower: boolean; digit: boolean; symbol: boolean } {
  return {
    upper: /\p{Lu}/u.test(password),
    lower: /\p{Ll}/u.test(password),
    digit: /\p{Nd}/u.test(password),
    symbol: /[^\p{L}\p{Nd}]|\p{Lo}/u.test(password),
  };
}
