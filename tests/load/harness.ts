// What the load and soak runs share: a production-shaped cluster (tests/support/cluster.ts) with
// the run's people in it, one client per person spread over the API instances as a load balancer
// would, and the resource sampler watching every process. Loopback only.
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, startCluster, waitForQuietMediaQueues, type Cluster, type PlatformProcess } from '../support/cluster.ts';
import { LearnerViewing, loadMediaFiles, reportMeeting, runWall, RunLedger, type MediaFile } from './actors.ts';
import { ApiClient, Recorder } from './client.ts';
import { insertLearners, insertOfficers, loginWithTotp, type Officer } from './fixtures.ts';
import { printActivity, printErrors, printMedia, printRoutes, type RouteFigures } from './report.ts';
import { postmasterOf, ResourceSampler, storeProcessOf, type Watched } from './sampler.ts';
import { runOpenLoop, type Arrival } from './schedule.ts';

export interface RunOptions {
  /** Names the cluster's directory and the seeded people (load, soak). */
  tag: string;
  apis: number;
  officers: number;
  /** Meetings each officer can report (one team × shift slot each). */
  slotsEach: number;
  walls: number;
  learners: number;
  photosPerMeeting: number;
  video: boolean;
}

export interface Run {
  cluster: Cluster;
  dir: string;
  apis: PlatformProcess[];
  worker: PlatformProcess;
  recorder: Recorder;
  ledger: RunLedger;
  officers: { officer: Officer; client: ApiClient }[];
  walls: ApiClient[];
  learners: LearnerViewing[];
  files: MediaFile[][];
  mediaNote: string;
  sampler: ResourceSampler;
  /** Stops the walls' streams, the sampler and the cluster. */
  close(): Promise<void>;
  /** Aborts when close() begins: actors stop. */
  signal: AbortSignal;
}

/** Env knob as a number, with its default. */
export function knob(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return value;
}

const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
export { log };

/** How often each learner's viewing sends a heartbeat. */
export const HEARTBEAT_MS = 10_000;

/** Starts the cluster (APIs one after another: the first migrates and seeds), the worker, the people and the sampler. */
export async function startRun(options: RunOptions): Promise<Run> {
  const dir = path.join(os.tmpdir(), `platform-${options.tag}`);
  const started = performance.now();
  const cluster = await startCluster({
    dir,
    env: {
      // In life every phone has its own address; here every client is 127.0.0.1.
      RATE_LIMIT_IP_PER_MINUTE: '100000000',
      // The wall clients share the operator's one session (privileged users get one).
      EVENT_STREAMS_PER_SESSION: String(options.walls + 4),
      EVENT_STREAMS_PER_USER: String(options.walls + 4),
      SESSION_IDLE_MINUTES: '240',
    },
  });
  const abort = new AbortController();
  try {
    log(`database and object store up in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})`);
    const apis: PlatformProcess[] = [];
    for (let i = 0; i < options.apis; i++) apis.push(await cluster.startApi(`api-${String.fromCharCode(97 + i)}`));
    const worker = await cluster.startWorker('worker-1');
    log(`${apis.length} API(s) and 1 worker up after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // SEED_DEMO queues the demo catalogue's videos; measured during the burst, they would inflate
    // every figure of the run (the per-video CPU most of all).
    const waitStarted = performance.now();
    const left = await waitForQuietMediaQueues(cluster, 15 * 60_000);
    if (left) throw new Error(`media queues still hold ${left} jobs after 900 s`);
    const idleAfter = performance.now() - waitStarted;
    log(`demo catalogue media processed; media queues idle after ${(idleAfter / 1000).toFixed(1)} s`);

    const recorder = new Recorder();
    const ledger = new RunLedger();
    const apiFor = (i: number) => apis[i % apis.length]!.base;
    const officers = (await insertOfficers(cluster.db.url, options.officers, options.slotsEach, options.tag)).map((officer, i) => ({
      officer,
      client: new ApiClient(apiFor(i), officer.cookie, recorder),
    }));
    const learners = (await insertLearners(cluster.db.url, options.learners, options.tag)).map(
      (learner, i) => new LearnerViewing(new ApiClient(apiFor(i), learner.cookie, recorder), learner),
    );
    const commandCookie = await loginWithTotp(apis[0]!.base, 'command');
    const walls = Array.from({ length: options.walls }, (_, i) => new ApiClient(apiFor(i), commandCookie, recorder));
    log(`seeded ${options.officers} officers (${options.slotsEach} slots each), ${options.learners} learners; command logged in with TOTP`);

    const media = loadMediaFiles(PROJECT_ROOT, path.resolve(PROJECT_ROOT, '..', 'shared', 'photos', 'real'));
    // Meeting n gets photos n·k … n·k+k-1 of the set (cycling) and the video.
    const files = Array.from({ length: Math.max(1, media.photos.length) }, (_, n) => [
      ...Array.from(
        { length: options.photosPerMeeting },
        (_, k) => media.photos[(n * options.photosPerMeeting + k) % media.photos.length]!,
      ).filter(Boolean),
      ...(options.video && media.video ? [media.video] : []),
    ]);

    const pgPid = postmasterOf(path.join(dir, 'postgres'));
    const storePid = storeProcessOf(path.join(dir, 's3'));
    const watched: Watched[] = [
      ...apis.map((a) => ({ name: a.name, pid: a.child.pid!, metricsUrl: `${a.base}/metrics` })),
      { name: 'worker', pid: worker.child.pid!, childrenAs: 'ffmpeg', metricsUrl: `${worker.base}/metrics` },
      ...(pgPid ? [{ name: 'postgres', pid: pgPid, tree: true }] : []),
      ...(storePid ? [{ name: 's3rver', pid: storePid }] : []),
      { name: 'runner', pid: process.pid, alone: true },
    ];
    const sampler = new ResourceSampler(watched, cluster.db.url);
    return {
      cluster,
      dir,
      apis,
      worker,
      recorder,
      ledger,
      officers,
      walls,
      learners,
      files,
      mediaNote: media.note,
      sampler,
      signal: abort.signal,
      async close() {
        abort.abort();
        await sampler.stop();
        await cluster.close();
      },
    };
  } catch (error) {
    abort.abort();
    await cluster.close();
    throw error;
  }
}

/** Waits until every upload of the run is READY or FAILED, or `timeoutMs` passes; returns how many are still open. */
export async function drainMedia(ledger: RunLedger, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  const open = () => [...ledger.media.values()].filter((m) => m.readyAt === undefined && m.failedAt === undefined).length;
  while (open() > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1_000));
  return open();
}

/**
 * Runs `body` against the started run, then closes the run whatever happened, and exits the process:
 * 0 when `body` resolved true, 1 when it resolved false or threw (the error is printed).
 */
export async function runToExit(run: Run, body: () => Promise<boolean>): Promise<never> {
  let exitCode = 0;
  try {
    if (!(await body())) exitCode = 1;
  } catch (error) {
    console.error(error);
    exitCode = 1;
  } finally {
    await run.close();
  }
  process.exit(exitCode);
}

/** The walls follow the event stream from now until the run closes; resolves once every wall is connected. */
export async function followWalls(run: Run): Promise<void> {
  await Promise.all(run.walls.map((w) => runWall(w, run.ledger, run.signal)));
}

/**
 * Drives the arrivals open-loop from `start` until both schedules are through or the run closes:
 * meeting arrival n of officer k reports a meeting on k's slot n with media set n, and heartbeat
 * arrival n of learner k is k's n-th heartbeat.
 */
export async function runArrivals(run: Run, meetings: readonly Arrival[], beats: readonly Arrival[], start: number): Promise<void> {
  const { ledger, signal } = run;
  await Promise.all([
    runOpenLoop(
      meetings,
      (a, due) =>
        reportMeeting(
          run.officers[a.actor]!.client,
          run.officers[a.actor]!.officer,
          a.seq,
          run.files[a.seq % run.files.length]!,
          ledger,
          due,
        ),
      { start, signal },
    ),
    runOpenLoop(beats, (a, due) => run.learners[a.actor]!.beat(a.seq, due, ledger), { start, signal }),
  ]);
}

/** Prints what load and soak both report: per-route figures over `seconds`, server errors, the walls' and learners' activity and the media; returns the totals. */
export function printRunReport(
  run: Run,
  routes: RouteFigures,
  seconds: number,
  walls: number,
): { totals: ReturnType<typeof printRoutes>; media: ReturnType<typeof printMedia> } {
  const totals = printRoutes(routes, seconds);
  printErrors(run.recorder, [...run.apis, run.worker]);
  printActivity(run.ledger, walls);
  const media = printMedia(run.ledger);
  return { totals, media };
}
