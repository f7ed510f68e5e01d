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

const fieldPatterns = Object.entries(t.fieldMessages).map(([source, text]) => [new RegExp(source), text] as const);

/** A server field message in the user's language when it is a known one, otherwise as sent. */
export function translateFieldMessage(message: string): string {
  for (const [pattern, text] of fieldPatterns) {
    const match = pattern.exec(message);
    if (match) return text.replace(/\$(\d)/g, (_, i: string) => match[Number(i)] ?? '');
  }
  return message;
}
