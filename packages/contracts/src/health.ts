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

/** Liveness: the process answers; no dependency is checked (a restart would not fix them). */
export const Liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });
export type Liveness = z.infer<typeof Liveness>;

/**
 * Readiness: whether a load balancer should send this instance requests. `draining` after SIGTERM
 * (the instance still serves what it gets while the balancer notices), `degraded` when the
 * database or the object store does not answer.
 */
export const Readiness = z
  .object({
    status: z.enum(['ok', 'draining', 'degraded']),
    checks: z.record(z.string(), HealthCheck).optional(),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;
