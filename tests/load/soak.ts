// npm run test:soak — mixed load at a sustainable rate for SOAK_MINUTES (default 30; not in CI):
// the same cluster and people as test:load (tests/load/harness.ts), officers reporting
// SOAK_MEETINGS_PER_MINUTE meetings (default 3, each with SOAK_PHOTOS photos and the 8 s video),
// SOAK_WALLS walls on the event stream, SOAK_LEARNERS learners' heartbeats. Every
// SOAK_SAMPLE_SECONDS (default 30) it samples RSS, heap (from /metrics when served) and open files
// of each API and the worker, database connections by application, queue depth and stuck jobs.
// At the end it fits a line to each series over the second half and prints flat or growing; it
// exits 1 when memory, open files or connections grow past the thresholds below, or any job was stuck.
import os from 'node:os';
import { followWalls, HEARTBEAT_MS, knob, log, printRunReport, runArrivals, runToExit, startRun } from './harness.ts';
import { snapshot } from './report.ts';
import type { Sample } from './sampler.ts';
import { periodicArrivals, poissonArrivals } from './schedule.ts';
import { mib, trend } from './stats.ts';

const MINUTES = knob('SOAK_MINUTES', 30);
const APIS = knob('SOAK_APIS', 2);
const OFFICERS = knob('SOAK_OFFICERS', 10);
const WALLS = knob('SOAK_WALLS', 5);
const LEARNERS = knob('SOAK_LEARNERS', 100);
const MEETINGS_PER_MINUTE = knob('SOAK_MEETINGS_PER_MINUTE', 3);
const PHOTOS = knob('SOAK_PHOTOS', 2);
const SAMPLE_SECONDS = knob('SOAK_SAMPLE_SECONDS', 30);

// Growth over the second half that fails the run: beyond noise and warm caches on a shared machine.
const LIMITS = {
  /** Memory (RSS or heap) of one process: MiB and share of its mean, both exceeded. */
  memoryMiB: 32,
  memoryShare: 0.1,
  fds: 20,
  /** Peak of the second half over the peak of the first. */
  connections: 5,
};

const durationMs = MINUTES * 60_000;
const slotsEach = Math.ceil((MEETINGS_PER_MINUTE * MINUTES * 1.5) / Math.max(1, OFFICERS)) + 3;
const run = await startRun({
  tag: 'soak',
  apis: APIS,
  officers: Math.max(1, OFFICERS),
  slotsEach,
  walls: Math.max(1, WALLS),
  learners: LEARNERS,
  photosPerMeeting: PHOTOS,
  video: true,
});
await runToExit(run, async () => {
  const { recorder, sampler } = run;
  await followWalls(run);
  await sampler.start(SAMPLE_SECONDS * 1000);
  const meetings = poissonArrivals(MEETINGS_PER_MINUTE / 60, durationMs, OFFICERS, 29);
  const beats = periodicArrivals(LEARNERS, HEARTBEAT_MS, durationMs);
  log(
    `soak: ${MINUTES} min, ${meetings.length} meetings (${MEETINGS_PER_MINUTE}/min) from ${OFFICERS} officers, ${WALLS} walls, ${LEARNERS} learners; sampling every ${SAMPLE_SECONDS} s`,
  );
  const start = performance.now();
  const progress = setInterval(() => {
    const s = sampler.samples.at(-1);
    if (!s) return;
    const rss = Object.entries(s.rss)
      .filter(([n]) => n.startsWith('api') || n === 'worker')
      .map(([n, v]) => `${n} ${mib(v)}`)
      .join(', ');
    log(
      `  t=${s.t.toFixed(0)} s: RSS MiB ${rss}; connections ${total(s.connections)}; media queued ${s.queue?.mediaQueued ?? '?'}, stuck ${s.queue?.stuck ?? '?'}`,
    );
  }, 60_000);
  await runArrivals(run, meetings, beats, start);
  clearInterval(progress);
  await sampler.sample();
  const seconds = (performance.now() - start) / 1000;

  console.log(`\n=== Soak: ${MINUTES} min, ${APIS} API + 1 worker on ${os.availableParallelism()} cores ===`);
  printRunReport(run, snapshot(recorder), seconds, WALLS);

  const samples = sampler.samples;
  const half = samples.filter((s) => s.t >= samples.at(-1)!.t / 2);
  const processes = run.apis.map((a) => a.name).concat('worker');
  const failures: string[] = [];
  console.log(
    `\nTrends over the second half (${half.length} samples, t=${half[0]?.t.toFixed(0)}–${half.at(-1)?.t.toFixed(0)} s); growth = fitted slope × that span:`,
  );
  const span = half.length > 1 ? half.at(-1)!.t - half[0]!.t : 0;
  const judge = (
    label: string,
    series: (s: Sample) => number | undefined,
    limit: (meanValue: number) => number,
    unit: (v: number) => string,
  ) => {
    const points = half.map((s) => [s.t, series(s)] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
    if (points.length < 2) return console.log(`  ${label}: not sampled`);
    const t = trend(points);
    const growth = (t.perHour / 3600) * span;
    const allowed = limit(t.mean);
    const growing = growth > allowed;
    console.log(
      `  ${label}: ${growing ? 'GROWING' : 'flat'} — ${unit(t.first)} → ${unit(t.last)}, fitted ${unit(growth)} over ${span.toFixed(0)} s (${unit(t.perHour)}/h; limit ${unit(allowed)})`,
    );
    if (growing) failures.push(`${label} grew ${unit(growth)}`);
  };
  const MiB = (v: number) => `${mib(v)} MiB`;
  const count = (v: number) => v.toFixed(1);
  for (const name of processes) {
    judge(
      `${name} RSS`,
      (s) => s.rss[name],
      (m) => Math.max(LIMITS.memoryMiB * 1024 * 1024, m * LIMITS.memoryShare),
      MiB,
    );
    judge(
      `${name} heap used`,
      (s) => s.heapUsed[name],
      (m) => Math.max(LIMITS.memoryMiB * 1024 * 1024, m * LIMITS.memoryShare),
      MiB,
    );
    judge(
      `${name} open files`,
      (s) => s.fds[name],
      () => LIMITS.fds,
      count,
    );
  }
  // Pools open connections under load and close them after their idle timeout, so the count saws
  // between a floor and the pools' sizes: a fitted slope over such a series is noise. A leak (a
  // pool or client made per request) shows as a peak the first half never reached.
  const peak = (part: Sample[]) => Math.max(0, ...part.map((s) => total(s.connections)));
  const [firstPeak, secondPeak] = [peak(samples.filter((s) => !half.includes(s))), peak(half)];
  const connectionsGrew = secondPeak > firstPeak + LIMITS.connections;
  console.log(
    `  database connections: ${connectionsGrew ? 'GROWING' : 'flat'} — peak ${firstPeak} in the first half, ${secondPeak} in the second (limit +${LIMITS.connections})`,
  );
  if (connectionsGrew) failures.push(`database connections peaked at ${secondPeak}, ${secondPeak - firstPeak} above the first half`);
  const last = samples.at(-1)!;
  console.log(
    `  connections at the end by application: ${
      Object.entries(last.connections)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  const queued = trend(half.map((s) => [s.t, s.queue?.mediaQueued ?? 0] as const));
  console.log(
    `  media jobs queued: ${queued.first} → ${queued.last} (fitted ${((queued.perHour / 3600) * span).toFixed(1)} over the span) — ${queued.last > 5 && queued.perHour > 0 ? 'backing up: the rate is not sustainable here' : 'keeping up'}`,
  );
  const stuck = Math.max(...samples.map((s) => s.queue?.stuck ?? 0));
  console.log(`  stuck jobs (active past their expiry): max ${stuck}`);
  if (stuck > 0) failures.push(`${stuck} stuck jobs`);
  if (!sampler.metricsSeen) console.log('  (no /metrics answered: heap not sampled)');
  console.log(
    failures.length
      ? `\nsoak FAILED: ${failures.join('; ')}`
      : `\nsoak passed: memory, open files and connections flat, no stuck jobs over ${MINUTES} min`,
  );
  return failures.length === 0;
});

function total(record: Record<string, number>): number {
  return Object.values(record).reduce((a, b) => a + b, 0);
}
