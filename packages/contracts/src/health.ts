import { z } from 'zod';

export const HealthCheck = z.object({ status: z.enum(['ok', 'error']), latencyMs: z.number(), error: z.string().optional() });

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    uptimeSeconds: z.number(),
    checks: z.record(z.string(), HealthCheck),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
