// npm run test:faults: the platform's processes (2 APIs, 2 workers, PostgreSQL, an S3 peer) on
// loopback, hurt one way at a time; each scenario prints what was lost (the target is nothing) and
// the run exits 1 if anything was. FAULTS=1,3 runs some scenarios only; STORE_OUTAGE_SECONDS sets
// the object store's outage (default 60); CLUSTER_LOG=1 echoes every process's output.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startCluster, waitForQuietMediaQueues } from '../support/cluster.ts';
import { apiKillMidUpload } from './api-kill.scenario.ts';
import { FaultClient, sha256 } from './fault-client.ts';
import { alive, makeVideo, type FaultWorld, type ScenarioReport } from './fault-kit.ts';
import { databaseRestart } from './database-restart.scenario.ts';
import { scratchDiskFull } from './disk-full.scenario.ts';
import { storeOutage } from './store-outage.scenario.ts';
import { workerKillMidTranscode } from './worker-kill.scenario.ts';

const SCENARIOS: [string, (world: FaultWorld) => Promise<ScenarioReport>][] = [
  ['1', apiKillMidUpload],
  ['2', workerKillMidTranscode],
  ['3', databaseRestart],
  ['4', storeOutage],
  ['5', scratchDiskFull],
];

async function main(): Promise<number> {
  const started = Date.now();
  const only = process.env.FAULTS?.split(',').map((s) => s.trim());
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'faults-'));
  const file = await makeVideo(tmp);
  const bytes = await fs.readFile(file);
  const cluster = await startCluster({
    dir: path.join(tmp, 'cluster'),
    // Parts of 5 MB (S3's minimum) so the video has several; the monitor looks for dead workers'
    // jobs every 5 s instead of 30 (the hand-over is then bounded by the 30 s heartbeat).
    env: { UPLOAD_PART_MB: '5', JOB_MONITOR_SECONDS: '5' },
  });
  const reports: ScenarioReport[] = [];
  // Ctrl-C or a CI timeout: no process of the cluster may outlive the run.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cluster.close().finally(() => process.exit(130)));
  }
  try {
    const boot = Date.now();
    const apiA = await cluster.startApi('api-a');
    const [apiB, w1, w2] = await Promise.all([cluster.startApi('api-b'), cluster.startWorker('worker-1'), cluster.startWorker('worker-2')]);
    process.stdout.write(
      `cluster up in ${((Date.now() - boot) / 1000).toFixed(1)} s: 2 APIs, 2 workers; video ${(bytes.length / 1048576).toFixed(1)} MB\n`,
    );
    const officer = await FaultClient.login(apiB!.base, 'officer1');
    const world: FaultWorld = {
      cluster,
      apis: [apiA, apiB!],
      workers: [w1!, w2!],
      officer,
      video: { file, bytes, sha256: sha256(bytes) },
      tmp,
    };
    for (const [id, scenario] of SCENARIOS) {
      if (only && !only.includes(id)) continue;
      // The demo catalogue's media (queued by the first API) must not be mistaken for in-flight work.
      if (id !== '1') {
        const pending = await waitForQuietMediaQueues(cluster, 180_000);
        if (pending) process.stdout.write(`(${pending} media jobs still queued)\n`);
      }
      await revive(world);
      try {
        reports.push(await scenario(world));
      } catch (error) {
        process.stdout.write(`  scenario failed: ${(error as Error).stack}\n  lost: unknown (the scenario broke)\n`);
        reports.push({ name: `${id}. (broke)`, lines: [], timings: {}, lost: [`scenario broke: ${(error as Error).message}`], ms: 0 });
      }
    }
  } finally {
    if (process.env.FAULTS_KEEP === '1') {
      for (const p of cluster.processes) await fs.appendFile(path.join(tmp, `${p.name}.log`), p.output());
      process.stdout.write(`kept ${tmp} (process logs in ${tmp}/<name>.log)\n`);
    }
    await cluster.close();
    if (process.env.FAULTS_KEEP !== '1') await fs.rm(tmp, { recursive: true, force: true });
  }

  process.stdout.write('\n=== summary\n');
  const width = Math.max(...reports.map((r) => r.name.length));
  for (const r of reports) {
    const lost = r.lost.length ? r.lost.join('; ') : 'nothing';
    process.stdout.write(`${r.name.padEnd(width)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s  lost: ${lost}\n`);
  }
  process.stdout.write(`total ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return reports.some((r) => r.lost.length) || reports.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  },
);

/** Starts again, under the same name, any API or worker an earlier scenario left dead, so the next one has a full cluster. */
async function revive(world: FaultWorld): Promise<void> {
  for (const list of [world.apis, world.workers]) {
    for (const [i, p] of list.entries()) {
      if (alive(p)) continue;
      process.stdout.write(`(starting ${p.name} again: an earlier scenario left it stopped)\n`);
      list[i] = p.kind === 'api' ? await world.cluster.startApi(p.name) : await world.cluster.startWorker(p.name);
    }
  }
  if (!world.apis.some((api) => api.base === world.officer.base)) world.officer.base = world.apis.find(alive)!.base;
}
