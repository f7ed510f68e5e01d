import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Lifecycle } from './lifecycle.ts';
import type { Platform } from './platform.ts';

/**
 * After the drain: time for in-flight requests to finish, the in-process jobs to be handed back
 * and the platform to close, before the process exits on its own with code 1. Kubernetes must wait
 * longer before its SIGKILL: terminationGracePeriodSeconds = SHUTDOWN_DRAIN_SECONDS + 30.
 */
export const CLOSE_GRACE_SECONDS = 25;

/** When a stop that has not finished is cut short: the drain plus {@link CLOSE_GRACE_SECONDS}. */
export function forceExitAfterMs(drainSeconds: number): number {
  return (drainSeconds + CLOSE_GRACE_SECONDS) * 1000;
}

/**
 * The API's stop at SIGTERM, in the order a load balancer needs: readiness answers 503 at once
 * while the listener keeps serving for `drainSeconds` (the balancer notices and sends elsewhere);
 * then event streams end (clients reconnect to another instance), the listener closes, idle
 * keep-alive sockets are dropped and requests in flight (an upload part) finish; then the platform
 * closes. Jobs run in this process stop fetching at once and are handed back if they outlast their grace.
 */
export async function shutDown(options: {
  app: FastifyInstance;
  platform: Platform;
  lifecycle: Lifecycle;
  drainSeconds: number;
  log: FastifyBaseLogger;
}): Promise<void> {
  const { app, platform, lifecycle, drainSeconds, log } = options;
  lifecycle.startDraining();
  const jobs = platform.runtime.stopWork();
  if (drainSeconds > 0) {
    log.info({ drainSeconds }, 'draining: readiness answers 503, requests are still served');
    await sleep(drainSeconds * 1000);
  }
  log.info('closing: event streams end, no new connections, requests in flight finish');
  await app.close();
  await jobs;
  await platform.close();
}
