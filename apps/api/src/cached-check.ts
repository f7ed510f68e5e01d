/**
 * Runs `check` at most once per `ttlMs`; calls within that time share the last run's outcome
 * (or the run still in flight). For health checks that start a process: a load balancer polling
 * every second then costs one process every `ttlMs`, not one per poll.
 */
export function cachedCheck<T>(check: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let last: { at: number; outcome: Promise<T> } | undefined;
  return () => {
    const at = now();
    if (!last || at - last.at >= ttlMs) last = { at, outcome: check() };
    return last.outcome;
  };
}
