import { z } from 'zod';

// Its own copy of index.ts's `bool`: importing index.ts from here would be an import cycle.
const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Missing-meeting reminders: where their links point, and which robot URLs may be posted to. */
export const remindersEnvShape = {
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be the platform address users open, such as https://safety.example.cn' })
    .optional(),
  WEBHOOK_ALLOW_HTTP: bool.default(false),
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
};
export type RemindersEnv = z.infer<z.ZodObject<typeof remindersEnvShape>>;

export interface RemindersConfig {
  /** The platform's public address: robot messages link to `${baseUrl}/enterprise?date=…`. */
  baseUrl: string;
  /** Robot URLs may be plain http (tests, a private deployment). */
  allowHttp: boolean;
  /** Robot URLs may point at private, loopback or link-local addresses (tests, an intranet WeCom). */
  allowPrivate: boolean;
  /** Each post to a robot is abandoned after this long, and retried with backoff. */
  timeoutMs: number;
}

/** `fallbackUrl` is used without PUBLIC_URL: the API's first PUBLIC_ORIGIN or its own port. */
export function remindersConfigOf(env: RemindersEnv, fallbackUrl: string): RemindersConfig {
  return {
    baseUrl: (env.PUBLIC_URL ?? fallbackUrl).replace(/\/+$/, ''),
    allowHttp: env.WEBHOOK_ALLOW_HTTP,
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
    timeoutMs: env.WEBHOOK_TIMEOUT_SECONDS * 1000,
  };
}
