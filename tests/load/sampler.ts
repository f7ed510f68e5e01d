// Samples what a load run spends, once per interval: CPU (% of one core) and memory of each API,
// the worker, its ffmpeg children, PostgreSQL (all backends), the object store and this runner;
// the machine's total (other people's work shows here too); open files; database connections;
// pg-boss queue depth and stuck jobs; and, when the processes serve /metrics, event-loop lag and
// heap from prom-client's default metrics.
import pg from 'pg';
import { commandLine, descendants, fdCount, machineCpu, processTable, type ProcInfo } from './proc.ts';

/** A process watched under a name: its own CPU and memory, and optionally its children's apart. */
export interface Watched {
  name: string;
  pid: number;
  /** Where its /metrics answers (API or worker HTTP server), if anywhere. */
  metricsUrl?: string;
  /** Count children (ffmpeg) under this name instead of the parent's. */
  childrenAs?: string;
  /** Count the whole tree under the name (PostgreSQL: postmaster + backends). */
  tree?: boolean;
  /** Count the process alone (this runner: its children are the cluster, watched on their own). */
  alone?: boolean;
}

export interface QueueFigures {
  queued: number;
  active: number;
  /** Active jobs past their expiry: nobody will finish them until pg-boss expires them. */
  stuck: number;
  oldestQueuedSeconds: number;
  /** Queued jobs of the media queues (media.process, media.photo) and the oldest one's wait. */
  mediaQueued: number;
  oldestMediaSeconds: number;
  byQueue: Record<string, { queued: number; active: number }>;
}

export interface Sample {
  /** Seconds since the sampler started. */
  t: number;
  /** % of one core over the last interval, by name. */
  cpu: Record<string, number>;
  /** CPU seconds since the sampler started, by name. */
  cpuSeconds: Record<string, number>;
  rss: Record<string, number>;
  fds: Record<string, number>;
  /** The whole machine's busy time, % of one core (a 2-core machine tops out at 200). */
  machinePct: number;
  /** Connections in pg_stat_activity by application name (or user when unnamed), the sampler's own left out. */
  connections: Record<string, number>;
  queue: QueueFigures | null;
  /** prom-client's nodejs_eventloop_lag_p99_seconds, ms, by name (absent without /metrics). */
  lagP99Ms: Record<string, number>;
  heapUsed: Record<string, number>;
}

const SAMPLER_APP = 'load-sampler';

export class ResourceSampler {
  readonly samples: Sample[] = [];
  readonly #db: pg.Client;
  #started = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  #last: { at: number; totals: Record<string, number>; machine: { busy: number; total: number } } | null = null;
  #base: Record<string, number> | null = null;
  #busy: Promise<void> = Promise.resolve();
  /** Whether any /metrics answered at all (then absent figures mean "not exported"). */
  metricsSeen = false;

  constructor(
    readonly watched: Watched[],
    dbUrl: string,
  ) {
    this.#db = new pg.Client({ connectionString: dbUrl, application_name: SAMPLER_APP });
  }

  async start(intervalMs: number): Promise<void> {
    await this.#db.connect();
    this.#started = performance.now();
    await this.sample();
    this.#timer = setInterval(() => {
      this.#busy = this.#busy.then(() => this.sample().then(() => undefined)).catch((e: unknown) => console.warn('sampler:', e));
    }, intervalMs);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.#busy;
    await this.#db.end().catch(() => {});
  }

  /** Takes one sample now and keeps it. */
  async sample(): Promise<Sample> {
    const now = performance.now();
    const table = processTable();
    const machine = machineCpu();
    const totals: Record<string, number> = {};
    const rss: Record<string, number> = {};
    const fds: Record<string, number> = {};
    const add = (rec: Record<string, number>, key: string, v: number) => (rec[key] = (rec[key] ?? 0) + v);
    for (const w of this.watched) {
      const self = table.get(w.pid);
      if (!self) continue;
      const kids = descendants(table, w.pid)
        .map((pid) => table.get(pid))
        .filter((p): p is ProcInfo => Boolean(p));
      const kidsCpu = self.reaped + kids.reduce((s, k) => s + k.self + k.reaped, 0);
      const kidsRss = kids.reduce((s, k) => s + k.rssBytes, 0);
      if (w.tree) {
        add(totals, w.name, self.self + kidsCpu);
        add(rss, w.name, self.rssBytes + kidsRss);
      } else if (w.alone) {
        add(totals, w.name, self.self);
        add(rss, w.name, self.rssBytes);
      } else {
        add(totals, w.name, self.self);
        add(rss, w.name, self.rssBytes);
        add(totals, w.childrenAs ?? w.name, kidsCpu);
        if (w.childrenAs) add(rss, w.childrenAs, kidsRss);
        else add(rss, w.name, kidsRss);
      }
      fds[w.name] = fdCount(w.pid);
    }
    const cpu: Record<string, number> = {};
    let machinePct = 0;
    if (this.#last) {
      const seconds = (now - this.#last.at) / 1000;
      for (const [name, total] of Object.entries(totals))
        cpu[name] = (Math.max(0, total - (this.#last.totals[name] ?? total)) / seconds) * 100;
      const cores = (machine.total - this.#last.machine.total) / seconds;
      machinePct = cores > 0 ? ((machine.busy - this.#last.machine.busy) / seconds) * 100 : 0;
    }
    this.#base ??= { ...totals };
    const cpuSeconds: Record<string, number> = {};
    for (const [name, total] of Object.entries(totals)) cpuSeconds[name] = total - (this.#base[name] ?? total);
    this.#last = { at: now, totals, machine };
    const [connections, queue, metrics] = await Promise.all([this.#connections(), this.#queue(), this.#metrics()]);
    const sample: Sample = {
      t: (now - this.#started) / 1000,
      cpu,
      cpuSeconds,
      rss,
      fds,
      machinePct,
      connections,
      queue,
      ...metrics,
    };
    this.samples.push(sample);
    return sample;
  }

  async #connections(): Promise<Record<string, number>> {
    try {
      const { rows } = await this.#db.query<{ who: string; n: string }>(
        `SELECT coalesce(nullif(application_name, ''), usename::text, backend_type) AS who, count(*) AS n
           FROM pg_stat_activity WHERE application_name <> $1 AND backend_type = 'client backend' GROUP BY 1`,
        [SAMPLER_APP],
      );
      return Object.fromEntries(rows.map((r) => [r.who, Number(r.n)]));
    } catch {
      return {};
    }
  }

  async #queue(): Promise<QueueFigures | null> {
    try {
      const { rows } = await this.#db.query<{ name: string; queued: string; active: string; stuck: string; oldest: string | null }>(
        `SELECT name,
                count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()) AS queued,
                count(*) FILTER (WHERE state = 'active') AS active,
                count(*) FILTER (WHERE state = 'active' AND started_on + expire_seconds * interval '1 second' < now()) AS stuck,
                extract(epoch FROM now() - min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now())) AS oldest
           FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY name`,
      );
      const figures: QueueFigures = {
        queued: 0,
        active: 0,
        stuck: 0,
        oldestQueuedSeconds: 0,
        mediaQueued: 0,
        oldestMediaSeconds: 0,
        byQueue: {},
      };
      for (const r of rows) {
        figures.queued += Number(r.queued);
        figures.active += Number(r.active);
        figures.stuck += Number(r.stuck);
        figures.oldestQueuedSeconds = Math.max(figures.oldestQueuedSeconds, Number(r.oldest ?? 0));
        if (r.name.startsWith('media.')) {
          figures.mediaQueued += Number(r.queued);
          figures.oldestMediaSeconds = Math.max(figures.oldestMediaSeconds, Number(r.oldest ?? 0));
        }
        figures.byQueue[r.name] = { queued: Number(r.queued), active: Number(r.active) };
      }
      return figures;
    } catch {
      return null;
    }
  }

  async #metrics(): Promise<{ lagP99Ms: Record<string, number>; heapUsed: Record<string, number> }> {
    const lagP99Ms: Record<string, number> = {};
    const heapUsed: Record<string, number> = {};
    await Promise.all(
      this.watched
        .filter((w) => w.metricsUrl)
        .map(async (w) => {
          const text = await scrape(w.metricsUrl!);
          if (!text) return;
          this.metricsSeen = true;
          const lag = metricValue(text, 'nodejs_eventloop_lag_p99_seconds');
          const heap = metricValue(text, 'nodejs_heap_size_used_bytes');
          if (lag !== null) lagP99Ms[w.name] = lag * 1000;
          if (heap !== null) heapUsed[w.name] = heap;
        }),
    );
    return { lagP99Ms, heapUsed };
  }
}

/** The text of a /metrics page, or null when it is not there (404, refused, not Prometheus text). */
export async function scrape(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const text = await res.text();
    return res.ok && text.includes('# TYPE') ? text : null;
  } catch {
    return null;
  }
}

/** Sum of the samples of `name` whose labels contain every `labels` fragment (e.g. 'queue="media"'); null when none. */
export function metricValue(text: string, name: string, labels: string[] = []): number | null {
  let sum: number | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^(\w+)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    if (!labels.every((l) => (m[2] ?? '').includes(l))) continue;
    sum = (sum ?? 0) + Number(m[3]);
  }
  return sum;
}

/** The postmaster of the PostgreSQL whose data directory is `dataDir`, or null. */
export function postmasterOf(dataDir: string): number | null {
  const table = processTable();
  for (const p of table.values()) {
    if (p.comm !== 'postgres') continue;
    const parent = table.get(p.ppid);
    if (parent?.comm === 'postgres') continue; // a backend
    if (commandLine(p.pid).includes(dataDir)) return p.pid;
  }
  return null;
}

/** The s3rver child serving `directory`, or null. */
export function storeProcessOf(directory: string): number | null {
  for (const p of processTable().values()) {
    const cmd = commandLine(p.pid);
    if (cmd.includes('s3rver-process.ts') && cmd.includes(directory)) return p.pid;
  }
  return null;
}
