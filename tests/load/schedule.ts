// Open-loop arrivals: work is started at the times a schedule fixes in advance, whether or not
// earlier work has finished, as thousands of independent phones would start it. A closed loop
// (each client waits for its answer before the next request) slows down with the server and hides
// its queueing; this does not, so latencies are measured from when the work was due.

/** One arrival: when (ms from the start) and which actor (officer, learner…) it belongs to. */
export interface Arrival {
  at: number;
  actor: number;
  /** The n-th arrival of this actor (0-based). */
  seq: number;
}

/** A small deterministic generator, so two runs with the same seed get the same schedule. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * Poisson arrivals at `perSecond` over `durationMs`, spread round-robin over `actors`: the way
 * independent people start things (meetings reported) — gaps are random, the mean rate fixed.
 */
export function poissonArrivals(perSecond: number, durationMs: number, actors: number, seed = 13): Arrival[] {
  const random = seeded(seed);
  const arrivals: Arrival[] = [];
  const seqs = new Array<number>(actors).fill(0);
  if (perSecond <= 0 || actors <= 0) return arrivals;
  for (let t = 0, i = 0; ; i++) {
    t += (-Math.log(1 - random()) / perSecond) * 1000;
    if (t >= durationMs) break;
    const actor = i % actors;
    arrivals.push({ at: t, actor, seq: seqs[actor]!++ });
  }
  return arrivals;
}

/**
 * Every actor once per `intervalMs`, actor i offset by i/actors of the interval: the way a
 * device on a timer (a learner's heartbeat) sends — an even rate of actors/interval.
 */
export function periodicArrivals(actors: number, intervalMs: number, durationMs: number): Arrival[] {
  const arrivals: Arrival[] = [];
  for (let actor = 0; actor < actors; actor++) {
    const offset = (actor / actors) * intervalMs;
    for (let seq = 0; offset + seq * intervalMs < durationMs; seq++) arrivals.push({ at: offset + seq * intervalMs, actor, seq });
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

/**
 * Starts `run(arrival, dueAt)` for each arrival at its time (dueAt in performance.now() terms)
 * from `start`, never waiting for earlier ones; resolves when every started run has settled.
 * Stops starting new ones once `signal` aborts.
 */
export async function runOpenLoop(
  arrivals: readonly Arrival[],
  run: (arrival: Arrival, dueAt: number) => Promise<unknown>,
  options: { start?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const start = options.start ?? performance.now();
  const sorted = [...arrivals].sort((a, b) => a.at - b.at);
  const pending = new Set<Promise<unknown>>();
  for (const arrival of sorted) {
    if (options.signal?.aborted) break;
    const wait = start + arrival.at - performance.now();
    if (wait > 1) await sleep(wait, options.signal);
    if (options.signal?.aborted) break;
    const p = run(arrival, start + arrival.at).catch(() => {}); // each run records its own failures
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }
  await Promise.all(pending);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
