// Printing a run's figures: per route, events, media, resources over time, which resource hit its
// ceiling first, and the raw figures a capacity model needs.
import type { Recorder } from './client.ts';
import type { RunLedger } from './actors.ts';
import type { Sample } from './sampler.ts';
import { mean, mib, ms, spread } from './stats.ts';

export type RouteFigures = Map<string, { latencies: number[]; ok: number; errors: Map<string, number> }>;

/** A copy of the recorder's figures now (what came after, such as a drain, is left out). */
export function snapshot(recorder: Recorder): RouteFigures {
  return new Map([...recorder.routes].map(([k, v]) => [k, { latencies: [...v.latencies], ok: v.ok, errors: new Map(v.errors) }]));
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** Prints one line per route; returns the totals. */
export function printRoutes(
  routes: RouteFigures,
  seconds: number,
): { count: number; perSecond: number; p95: number; p99: number; errors: number } {
  console.log(`\nRequests over ${seconds.toFixed(0)} s (latency from when each was due, ms):`);
  console.log(
    `  ${pad('route', 52)} ${lpad('count', 6)} ${lpad('req/s', 7)} ${lpad('p50', 7)} ${lpad('p95', 7)} ${lpad('p99', 7)} ${lpad('max', 7)}  errors`,
  );
  const all: number[] = [];
  let errors = 0;
  for (const [route, r] of [...routes].sort((a, b) => b[1].latencies.length - a[1].latencies.length)) {
    const s = spread(r.latencies);
    all.push(...r.latencies);
    const errs = [...r.errors].map(([k, n]) => `${k}×${n}`).join(', ');
    errors += [...r.errors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  ${pad(route, 52)} ${lpad(String(s.count), 6)} ${lpad((s.count / seconds).toFixed(2), 7)} ${lpad(ms(s.p50), 7)} ${lpad(ms(s.p95), 7)} ${lpad(ms(s.p99), 7)} ${lpad(ms(s.max), 7)}  ${errs}`,
    );
  }
  const s = spread(all);
  console.log(
    `  ${pad('all', 52)} ${lpad(String(s.count), 6)} ${lpad((s.count / seconds).toFixed(2), 7)} ${lpad(ms(s.p50), 7)} ${lpad(ms(s.p95), 7)} ${lpad(ms(s.p99), 7)} ${lpad(ms(s.max), 7)}  ${errors} errors`,
  );
  return { count: s.count, perSecond: s.count / seconds, p95: s.p95, p99: s.p99, errors };
}

export function printActivity(ledger: RunLedger, walls: number): void {
  console.log(
    `\nMeetings: ${ledger.meetingsDone} reported with all files, ${ledger.meetingsFailed} failed, ${ledger.meetingsWithoutSlot} not started (no free slot)`,
  );
  const events = [...ledger.eventsByType].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const d = spread(ledger.reportDelays);
  console.log(`Wall clients (${walls}): events received ${events}; stream reconnects ${ledger.wallReconnects.length}`);
  console.log(
    `  meeting.reported delay (wall received − POST answered at the officer; negative: the event came first; events carry no server time), over ${d.count} receipts: p50 ${ms(d.p50)} ms, p95 ${ms(d.p95)} ms, p99 ${ms(d.p99)} ms, max ${ms(d.max)} ms`,
  );
  const rejected = [...ledger.heartbeatsRejected].map(([k, n]) => `${k}×${n}`).join(', ') || 'none';
  console.log(`Learners: heartbeats counted ${ledger.heartbeatsCounted}, not counted: ${rejected}`);
}

/** Upload-to-playable and upload-to-ready times per kind; returns the video figures. */
export function printMedia(ledger: RunLedger): { videos: number; photos: number; videoReadyP95: number } {
  console.log(`\nMedia: ${ledger.uploadsCompleted} uploads completed (${mib(ledger.uploadBytes)} MiB), ${ledger.uploadsFailed} failed`);
  let videoReadyP95 = Number.NaN;
  const counts = { videos: 0, photos: 0 };
  for (const kind of ['VIDEO', 'PHOTO'] as const) {
    const seen = [...ledger.media.values()].filter((m) => m.kind === kind);
    if (!seen.length) continue;
    const playable = spread(seen.filter((m) => m.playableAt !== undefined).map((m) => (m.playableAt! - m.completedAt) / 1000));
    const ready = spread(seen.filter((m) => m.readyAt !== undefined).map((m) => (m.readyAt! - m.completedAt) / 1000));
    const failed = seen.filter((m) => m.failedAt !== undefined).length;
    const open = seen.length - ready.count - failed;
    if (kind === 'VIDEO') {
      videoReadyP95 = ready.p95;
      counts.videos = ready.count;
    } else counts.photos = ready.count;
    const f = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');
    const playing = kind === 'VIDEO' ? `PLAYABLE after p50 ${f(playable.p50)} s / p95 ${f(playable.p95)} s; ` : '';
    console.log(
      `  ${kind}: ${seen.length} completed; ${playing}READY ${ready.count} after p50 ${f(ready.p50)} s / p95 ${f(ready.p95)} s / max ${f(ready.max)} s; failed ${failed}; unfinished ${open}`,
    );
  }
  return { ...counts, videoReadyP95 };
}

/** Mean / p95 / max of each resource over the samples. */
export function printResources(samples: Sample[], cores: number): void {
  if (samples.length < 2) return;
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.cpu)))];
  console.log(
    `\nResources over ${samples.length} samples (CPU in % of one core; this machine has ${cores}, so ${cores * 100} % is all of it):`,
  );
  console.log(
    `  ${pad('process', 12)} ${lpad('cpu mean', 9)} ${lpad('p95', 6)} ${lpad('max', 6)} ${lpad('cpu-s', 8)} ${lpad('RSS max MiB', 12)} ${lpad('fds max', 8)} ${lpad('lag p99 max ms', 15)}`,
  );
  const last = samples.at(-1)!;
  for (const name of names) {
    const cpu = samples.map((s) => s.cpu[name] ?? 0);
    const c = spread(cpu);
    const rss = Math.max(...samples.map((s) => s.rss[name] ?? 0));
    const fds = Math.max(...samples.map((s) => s.fds[name] ?? 0));
    const lags = samples.map((s) => s.lagP99Ms[name]).filter((v): v is number => v !== undefined);
    console.log(
      `  ${pad(name, 12)} ${lpad(mean(cpu).toFixed(0), 9)} ${lpad(c.p95.toFixed(0), 6)} ${lpad(c.max.toFixed(0), 6)} ${lpad((last.cpuSeconds[name] ?? 0).toFixed(1), 8)} ${lpad(mib(rss), 12)} ${lpad(fds ? String(fds) : '-', 8)} ${lpad(lags.length ? ms(Math.max(...lags)) : '-', 15)}`,
    );
  }
  const machine = spread(samples.slice(1).map((s) => s.machinePct));
  const ours = samples.slice(1).map((s) => Object.values(s.cpu).reduce((a, b) => a + b, 0));
  const other = samples.slice(1).map((s, i) => Math.max(0, s.machinePct - ours[i]!));
  console.log(
    `  machine: busy mean ${mean(samples.slice(1).map((s) => s.machinePct)).toFixed(0)} %, p95 ${machine.p95.toFixed(0)} %; of it outside this run (other engineers' work) mean ${mean(other).toFixed(0)} %`,
  );
  const conns = samples.map((s) => Object.values(s.connections).reduce((a, b) => a + b, 0));
  const byApp = Object.entries(last.connections)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`  database connections: max ${Math.max(...conns)}, at the end ${byApp || 'none'}`);
  const q = samples.filter((s) => s.queue);
  if (q.length)
    console.log(
      `  job queue: queued max ${Math.max(...q.map((s) => s.queue!.queued))} (media ${Math.max(...q.map((s) => s.queue!.mediaQueued))}), active max ${Math.max(...q.map((s) => s.queue!.active))}, oldest queued job max ${Math.max(...q.map((s) => s.queue!.oldestQueuedSeconds)).toFixed(0)} s, stuck max ${Math.max(...q.map((s) => s.queue!.stuck))}`,
    );
}

export interface Saturation {
  resource: string;
  /** Seconds from the start of sampling when the ceiling was first held for `hold` samples. */
  t: number;
  evidence: string;
}

/**
 * Which resource reached its ceiling first, held for `hold` consecutive samples:
 * the machine's cores (≥ 90 % of all of them busy), one Node process's event loop (≥ 90 % of a core,
 * its event loop's own work), the media queues (a job waiting ≥ 30 s: the
 * workers finish less than arrives). Ordered by time.
 */
export function saturations(samples: Sample[], cores: number, nodeNames: string[], hold = 5): Saturation[] {
  const found: Saturation[] = [];
  const first = (name: string, test: (s: Sample) => boolean, evidence: (s: Sample) => string) => {
    let run = 0;
    for (const s of samples.slice(1)) {
      run = test(s) ? run + 1 : 0;
      if (run >= hold) return void found.push({ resource: name, t: s.t, evidence: evidence(s) });
    }
  };
  const top = (s: Sample) =>
    Object.entries(s.cpu)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${v.toFixed(0)} %`)
      .join(', ');
  first(
    `machine CPU (${cores} cores)`,
    (s) => s.machinePct >= cores * 90,
    (s) => `machine ${s.machinePct.toFixed(0)} % of ${cores * 100} %; ${top(s)}`,
  );
  // A Node process's own ceiling is one core (its event loop). Lag alone is no evidence: with the
  // machine's cores all busy every process's timers run late, so lag is shown beside, not judged.
  for (const name of nodeNames) {
    first(
      `${name} event loop (one core)`,
      (s) => (s.cpu[name] ?? 0) >= 90,
      (s) =>
        `${name} CPU ${(s.cpu[name] ?? 0).toFixed(0)} %${s.lagP99Ms[name] !== undefined ? `, lag p99 ${ms(s.lagP99Ms[name]!)} ms` : ''}`,
    );
  }
  const media = (s: Sample) => Object.entries(s.queue?.byQueue ?? {}).filter(([name]) => name.startsWith('media.'));
  first(
    'media workers (media jobs wait ≥ 30 s)',
    (s) => (s.queue?.oldestMediaSeconds ?? 0) >= 30,
    (s) =>
      `${media(s)
        .map(([name, q]) => `${name} ${q.queued} queued/${q.active} active`)
        .join(
          ', ',
        )}, oldest ${s.queue!.oldestMediaSeconds.toFixed(0)} s; ffmpeg ${(s.cpu.ffmpeg ?? 0).toFixed(0)} %, worker ${(s.cpu.worker ?? 0).toFixed(0)} %, machine ${s.machinePct.toFixed(0)} %`,
  );
  return found.sort((a, b) => a.t - b.t);
}

/** One answer body per route × error, and the servers' own error log lines (pino level ≥ 50), counted by message. */
export function printErrors(recorder: Recorder, servers: { name: string; logLines(): Record<string, unknown>[] }[]): void {
  if (recorder.errorSamples.size) console.log('\nError answers (first of each):');
  for (const [key, body] of recorder.errorSamples) console.log(`  ${key}: ${body}`);
  const messages = new Map<string, number>();
  for (const s of servers)
    for (const line of s.logLines()) {
      if (Number(line.level) < 50) continue;
      const err = line.err as { message?: string } | undefined;
      const text = `${s.name}: ${String(line.msg ?? '')}${err?.message ? ` — ${err.message.split('\n')[0]!.slice(0, 200)}` : ''}`;
      messages.set(text, (messages.get(text) ?? 0) + 1);
    }
  if (messages.size) console.log('Server error log lines:');
  for (const [text, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ×${n} ${text}`);
}
