import { zhCN } from './zh-CN.ts';

/** Literal string types widened to `string`, so another language can fill the same shape. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer E)[]
      ? readonly Widen<E>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language file must have. */
export type Messages = Widen<typeof zhCN>;

/**
 * The active messages. Only zh-CN exists today; choosing a language at start-up would happen here.
 */
export const t: Messages = zhCN;

type Params = Readonly<Record<string, string | number>>;

/**
 * What an API error or field code says, filled with its params. An unknown code (a server newer
 * than this page) gets a generic sentence with the code; the server's English message is never used.
 */
export function translateError(code: string, params: Params = {}): string {
  const catalogue = t.errors.codes as unknown as Readonly<Record<string, (p: Params) => string>>;
  if (!Object.hasOwn(catalogue, code)) return t.errors.unknownCode(code);
  const translate = catalogue[code]!;
  // A param the server left out reads as empty rather than as "undefined".
  return translate(new Proxy(params, { get: (target, key) => (typeof key === 'string' ? (target[key] ?? '') : undefined) }));
}
