// Scenario 5: a worker whose scratch disk is full (a 2 MB tmpfs) takes a video; its attempt fails
// naming the disk, its scratch is left clean, and the retry completes on a normal worker.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  Recorder,
  alive,
  jobsOf,
  settledJobsOf,
  startedOn,
  uploadWhole,
  waitUntil,
  type FaultWorld,
  type ScenarioReport,
} from './fault-kit.ts';

const run = promisify(execFile);

export async function scratchDiskFull(world: FaultWorld): Promise<ScenarioReport> {
  const r = new Recorder('5. scratch disk full');
  const { cluster, officer, video } = world;
  const tiny = path.join(world.tmp, 'tiny-scratch');
  await fs.mkdir(tiny, { recursive: true });
  // A 2 MB tmpfs is a real full disk (ENOSPC). Where mounting is not allowed (an unprivileged CI
  // container), the worker's file size is limited instead (prlimit --fsize: EFBIG; Node ignores
  // SIGXFSZ, so the write fails rather than the process).
  // FAULTS_NO_TMPFS=1 takes the fallback where mounting works too (to test it).
  const mount =
    process.env.FAULTS_NO_TMPFS === '1'
      ? Promise.reject(new Error('FAULTS_NO_TMPFS=1'))
      : run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', tiny]);
  const mounted = await mount.then(
    () => true,
    (error: unknown) => {
      r.say(
        `mount -t tmpfs not permitted (${(error as Error).message.split('\n')[0]}): limiting the worker's file size with prlimit instead`,
      );
      return false;
    },
  );
  try {
    // Only the full-disk worker runs, so it takes the job.
    for (const w of world.workers.filter(alive)) {
      w.kill('SIGKILL');
      await w.exited;
    }
    const full = await cluster.startWorker('worker-3', { WORK_DIR: tiny });
    if (!mounted) await run('prlimit', ['--pid', String(full.child.pid), '--fsize=2097152:2097152']);
    r.say(
      `other workers stopped; worker-3 started with ${mounted ? 'WORK_DIR on a 2 MB tmpfs' : 'a 2 MB file size limit'} (the video is ${(video.bytes.length / 1048576).toFixed(1)} MB)`,
    );
    const meetingId = await officer.reportMeeting('故障-磁盘已满');
    const uploadedAt = Date.now();
    const { assetId } = await uploadWhole(officer, meetingId, 'disk-full.mp4', video.bytes);
    const failure = await waitUntil(() => full.logLines().find((l) => l.msg === 'job failed' && l.assetId === assetId), 60_000);
    const reason = (failure?.err as { message?: string; code?: string } | undefined) ?? {};
    r.say(
      `worker-3's log: "job failed" attempt ${String(failure?.attempt)}, willRetry ${String(failure?.willRetry)}, err ${reason.code ?? ''} "${reason.message ?? ''}"`,
    );
    r.expect(!!failure, 'worker-3 logged no failed attempt within 60 s');
    r.expect(
      /ENOSPC|EFBIG|no space|too large/i.test(`${reason.code} ${reason.message}`),
      'the failure does not name the full disk (ENOSPC/EFBIG)',
    );
    // The worker logs the failure before pg-boss records it on the job's row.
    const job = await waitUntil(async () => (await jobsOf(cluster, assetId)).find((j) => j.state !== 'active'), 10_000);
    const recorded = JSON.stringify(job?.output ?? null);
    r.say(`pgboss.job: state ${job?.state}, retries ${job?.retry_count}, output ${recorded.slice(0, 160)}`);
    r.expect(/ENOSPC|EFBIG|no space|too large/i.test(recorded), "the job's recorded output does not name the full disk");
    const left = await fs.readdir(tiny);
    r.say(`worker-3's scratch after the failed attempt: [${left.join(', ')}]`);
    r.expect(left.length === 0, `scratch left behind on the full disk: ${left.join(', ')}`);

    // A normal worker takes the retry (the full-disk one is stopped so it cannot take it again).
    full.kill('SIGKILL');
    await full.exited;
    const normal = await cluster.startWorker('worker-4');
    world.workers.push(normal);
    const retried = await waitUntil(() => startedOn([normal], assetId), 60_000);
    r.say(`retry started on worker-4: attempt ${retried?.attempt ?? 'none'}`);
    const media = await officer.waitForMedia(assetId, ['READY'], 180_000);
    r.time('upload → READY (through the failed attempt)', Date.now() - uploadedAt);
    r.expect(media?.status === 'READY', `asset is ${media?.status ?? 'unknown'}${media?.failure ? ` (${media.failure.code})` : ''}`);
    const jobs = await settledJobsOf(cluster, assetId);
    r.expect(jobs.length === 1 && jobs[0]!.state === 'completed', `jobs: ${jobs.map((j) => `${j.state}/${j.retry_count}`).join(', ')}`);
    r.say(`jobs of the asset: ${jobs.map((j) => `${j.state} (retries ${j.retry_count})`).join(', ')}`);
  } finally {
    if (mounted) await run('umount', [tiny]).catch(() => {});
  }
  return r.finish();
}
