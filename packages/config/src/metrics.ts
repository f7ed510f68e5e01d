import { z } from 'zod';

/** Who may read `/metrics` (API, worker and ingest): a bearer token, or only the loopback when unset. */
export const metricsEnvShape = {
  // Empty counts as unset: env files and manifests often list the key with no value.
  METRICS_TOKEN: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .min(16, { error: 'must be at least 16 characters; generate one with: openssl rand -base64 24' })
      .regex(/^\S+$/, { error: 'must not contain spaces (it is sent as Authorization: Bearer <token>)' })
      .optional(),
  ),
};
