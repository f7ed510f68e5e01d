// An open-loop load driver for the benchmarks: requests go out on a fixed schedule whether or not
// earlier ones have been answered (as thousands of independent phones would send them), over
// keep-alive connections, and each one's latency is measured from when it was due.
import http from 'node:http';

export interface Shot {
  /** Milliseconds from the start when the request is due. */
  at: number;
  path: string;
  /** Made when the request goes out (a heartbeat carries the device's clock at sending). */
  body: () => string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  sent: number;
  ok: number;
  failed: number;
  /** Answers per second over the run (from the first due time to the last answer). */
  throughput: number;
  latencies: number[];
  /** Status codes other than 2xx, counted. */
  statuses: Record<number, number>;
  bodies: string[];
}

/**
 * Fires `shots` at `base` on their schedule and waits for every answer. Shots due before
 * `measureFromMs` warm the server up (JIT, connection pools) and are left out of the figures.
 */
export async function openLoop(
  base: string,
  shots: Shot[],
  options: { keepBodies?: number; measureFromMs?: number } = {},
): Promise<LoadResult> {
  const measureFrom = options.measureFromMs ?? 0;
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const bodies: string[] = [];
  let ok = 0;
  let failed = 0;
  const start = performance.now();
  let lastAnswer = start;
  const sorted = [...shots].sort((a, b) => a.at - b.at);

  const fire = (shot: Shot, due: number) =>
    new Promise<void>((resolve) => {
      const body = shot.body();
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: shot.path,
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...shot.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const now = performance.now();
            if (shot.at < measureFrom) return resolve();
            lastAnswer = now;
            latencies.push(now - due);
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) ok++;
            else {
              failed++;
              statuses[status] = (statuses[status] ?? 0) + 1;
            }
            if (bodies.length < (options.keepBodies ?? 0)) bodies.push(Buffer.concat(chunks).toString());
            resolve();
          });
        },
      );
      req.on('error', () => {
        if (shot.at < measureFrom) return resolve();
        failed++;
        statuses[0] = (statuses[0] ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });

  const pending: Promise<void>[] = [];
  let i = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const elapsed = performance.now() - start;
      while (i < sorted.length && sorted[i]!.at <= elapsed) {
        const shot = sorted[i++]!;
        pending.push(fire(shot, start + shot.at));
      }
      if (i < sorted.length) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  const span = (lastAnswer - start - measureFrom) / 1000;
  const sent = shots.filter((s) => s.at >= measureFrom).length;
  return { sent, ok, failed, throughput: ok / span, latencies, statuses, bodies };
}

/** The q-quantile (0..1) of `values`, in their unit. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
