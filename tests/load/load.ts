// npm run test:load — the morning burst on this machine: a cluster of LOAD_APIS (default 2) API
// processes and one media worker over one PostgreSQL and one S3 peer (tests/support/cluster.ts),
// LOAD_OFFICERS officers reporting meetings at LOAD_MEETINGS_PER_MINUTE (Poisson arrivals, open
// loop) each with LOAD_PHOTOS real photos and an 8 s 720p video through the resumable upload
// protocol, LOAD_WALLS command-centre wall clients on the event stream, LOAD_LEARNERS learners
// sending a heartbeat every 10 s; for LOAD_SECONDS (default 150) after a short warm-up, then up to
// LOAD_DRAIN_SECONDS for the media pipeline to finish. Prints per-route throughput and latency,
// events, media times, resources sampled every second, which resource saturated first and the
// raw capacity figures; the last line is the headline. Loopback only; not part of `npm test`.
import os from 'node:os';
import path from 'node:path';
import { reportMeeting } from './actors.ts';
import { printCapacity, storedBytes } from './capacity.ts';
import { drainMedia, followWalls, HEARTBEAT_MS, knob, log, printRunReport, runArrivals, runToExit, startRun } from './harness.ts';
import { printResources, saturations, snapshot } from './report.ts';
import { periodicArrivals, poissonArrivals } from './schedule.ts';

const APIS = knob('LOAD_APIS', 2);
const OFFICERS = knob('LOAD_OFFICERS', 20);
const WALLS = knob('LOAD_WALLS', 10);
const LEARNERS = knob('LOAD_LEARNERS', 200);
const SECONDS = knob('LOAD_SECONDS', 150);
const MEETINGS_PER_MINUTE = knob('LOAD_MEETINGS_PER_MINUTE', 20);
const PHOTOS = knob('LOAD_PHOTOS', 3);
const VIDEO = knob('LOAD_VIDEO', 1) > 0;
const DRAIN_SECONDS = knob('LOAD_DRAIN_SECONDS', 180);
const VIDEO_SECONDS = 8;
const cores = os.availableParallelism();

const expectedMeetings = (MEETINGS_PER_MINUTE * SECONDS) / 60;
const slotsEach = Math.ceil((expectedMeetings * 1.5) / Math.max(1, OFFICERS)) + 3;
const run = await startRun({
  tag: 'load',
  apis: APIS,
  officers: Math.max(1, OFFICERS),
  slotsEach: slotsEach + 1,
  walls: Math.max(1, WALLS),
  learners: LEARNERS,
  photosPerMeeting: PHOTOS,
  video: VIDEO,
});
await runToExit(run, async () => {
  const { recorder, ledger, sampler } = run;
  log(`media: ${run.mediaNote}; each meeting uploads ${run.files[0]!.length} files`);
  // The walls follow the stream from before the first meeting (they also see the media events).
  await followWalls(run);

  // Warm-up (not measured): one meeting through each API on the officers' spare slot, waited for
  // until its media are READY, so JIT, pools and the worker's first ffmpeg are behind us.
  log('warm-up: one meeting per API…');
  await Promise.all(
    run.officers
      .slice(0, APIS)
      .map(({ officer, client }, i) =>
        reportMeeting(client, officer, officer.slots.length - 1, run.files[i % run.files.length]!, ledger, performance.now()),
      ),
  );
  await drainMedia(ledger, 45_000);
  recorder.clear();
  ledger.reset();

  await sampler.start(1_000);
  const meetings = poissonArrivals(MEETINGS_PER_MINUTE / 60, SECONDS * 1000, OFFICERS);
  const beats = periodicArrivals(LEARNERS, HEARTBEAT_MS, SECONDS * 1000);
  log(
    `load: ${SECONDS} s, ${meetings.length} meetings (${MEETINGS_PER_MINUTE}/min Poisson) from ${OFFICERS} officers, ${WALLS} walls, ${LEARNERS} learners (${((LEARNERS * 1000) / HEARTBEAT_MS).toFixed(0)} heartbeats/s), ${APIS} APIs + 1 worker`,
  );
  const start = performance.now();
  const progress = setInterval(() => {
    const s = sampler.samples.at(-1);
    log(
      `  t=${((performance.now() - start) / 1000).toFixed(0)} s: meetings ${ledger.meetingsDone}/${ledger.meetingsStarted}, uploads ${ledger.uploadsCompleted}, jobs ${Object.entries(
        s?.queue?.byQueue ?? {},
      )
        .map(([n, q]) => `${n} ${q.queued}/${q.active}`)
        .join(' ')} (queued/active), machine ${s?.machinePct.toFixed(0) ?? '?'} %`,
    );
  }, 15_000);
  await runArrivals(run, meetings, beats, start);
  const loadSeconds = (performance.now() - start) / 1000;
  const loadSamples = sampler.samples.length;
  const routes = snapshot(recorder);
  log(`load done after ${loadSeconds.toFixed(0)} s; draining the media pipeline (up to ${DRAIN_SECONDS} s)…`);
  const open = await drainMedia(ledger, DRAIN_SECONDS * 1000);
  const drainSeconds = (performance.now() - start) / 1000 - loadSeconds;
  clearInterval(progress);
  await sampler.sample();

  console.log(
    `\n=== Morning burst: ${APIS} API + 1 worker on ${cores} cores; ${OFFICERS} officers at ${MEETINGS_PER_MINUTE} meetings/min, ${WALLS} walls, ${LEARNERS} learners; ${SECONDS} s of arrivals ===`,
  );
  console.log(`media: ${run.mediaNote}; ${run.files[0]!.length} files per meeting`);
  const { totals, media } = printRunReport(run, routes, loadSeconds, WALLS);
  console.log(`  drain after the last arrival: ${drainSeconds.toFixed(0)} s; ${open} uploads still not READY at the end`);
  printResources(sampler.samples, cores);
  const apiNames = run.apis.map((a) => a.name);
  const found = saturations(sampler.samples, cores, [...apiNames, 'worker']);
  console.log('\nCeilings reached (held 5 s), in order:');
  if (!found.length) console.log('  none: every resource stayed under its ceiling');
  for (const f of found) console.log(`  t=${f.t.toFixed(0)} s${f.t > loadSeconds ? ' (drain)' : ''}: ${f.resource} — ${f.evidence}`);
  if (!sampler.metricsSeen) console.log('  (no /metrics answered: event-loop lag not sampled; CPU per process from /proc stands in)');
  const loadPart = sampler.samples.slice(0, loadSamples);
  const biggest = Object.entries(loadPart.at(-1)?.cpuSeconds ?? {}).sort((a, b) => b[1] - a[1])[0];
  if (biggest)
    console.log(
      `  largest CPU consumer during the arrivals: ${biggest[0]} (${biggest[1].toFixed(0)} CPU-s of ${loadSeconds.toFixed(0)} s)`,
    );

  const stored = await storedBytes(path.join(run.dir, 's3'), run.cluster.store.bucketName, run.cluster.db.url);
  const perHour = printCapacity({
    samples: sampler.samples,
    apiNames,
    meetings: ledger.meetingsDone,
    videos: media.videos,
    photos: media.photos,
    videoSeconds: VIDEO_SECONDS,
    stored,
    cores,
  });
  const observed = (ledger.meetingsDone / (loadSeconds + drainSeconds)) * 3600;
  console.log(
    `  observed: ${ledger.meetingsDone} meetings fully processed in ${(loadSeconds + drainSeconds).toFixed(0)} s = ${observed.toFixed(0)} meetings/hour at this arrival rate`,
  );

  const saturated = found[0] ? `${found[0].resource} at t=${found[0].t.toFixed(0)} s` : 'nothing';
  console.log(
    `\nthroughput ${totals.perSecond.toFixed(1)} req/s, p95 ${totals.p95.toFixed(0)} ms, p99 ${totals.p99.toFixed(0)} ms, ${totals.errors} errors; video READY p95 ${media.videoReadyP95.toFixed(1)} s; ~${perHour.toFixed(0)} meetings/h max; saturates: ${saturated}`,
  );
  return ledger.meetingsDone > 0;
});
