import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * A process's registry with Node's default metrics (`process_*`, `nodejs_*`: CPU, memory, event
 * loop lag, handles). Each entrypoint makes one and passes it down; nothing registers into
 * prom-client's global registry, so several platforms in one test process do not collide.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export { Gauge, Registry };
