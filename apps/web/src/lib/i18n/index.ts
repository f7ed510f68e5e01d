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

/** A server field message in the user's language when it is a known one, otherwise as sent. */
export function translateFieldMessage(message: string): string {
  const known = t.fieldMessages.find(([prefix]) => message.startsWith(prefix));
  return known?.[1] ?? message;
}
