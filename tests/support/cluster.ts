// A production-shaped platform on this machine for the fault, load and soak runs: one PostgreSQL,
// one S3 protocol peer (s3rver) and any number of API and worker PROCESSES sharing them, as
// Kubernetes would run them. Each part can be stopped, killed and started again on the same
// address, which is what the fault scenarios do to it. Loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@platform/db';
import pg from 'pg';
import { createPeerBucket, type PeerAddress, type PeerBucket } from '@platform/storage/test-support';
import { freePort, waitFor } from './processes.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const S3RVER_ENTRY = path.join(PROJECT_ROOT, 'packages/storage/src/test-support/s3rver-process.ts');
const BUCKET = 'cluster-media';

export interface ClusterOptions {
  /** Everything the cluster writes (database, objects, per-process data and scratch dirs). Emptied first. */
  dir: string;
  /** Settings every API and worker process gets, over the cluster's own. */
  env?: Record<string, string>;
  /** Echo every process's output to stderr as it comes (CLUSTER_LOG=1 does the same). */
  echo?: boolean;
}

/** One API or worker process of the cluster. */
export interface PlatformProcess {
  name: string;
  kind: 'api' | 'worker';
  child: ChildProcess;
  /** http://127.0.0.1:port of an API; of a worker's HTTP server when it has one. */
  base: string;
  /** Everything it printed so far. */
  output(): string;
  /** Its JSON log lines so far, parsed. */
  logLines(): Record<string, unknown>[];
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): void;
}

/** PostgreSQL that can be stopped and started again on the same port and data. */
export interface ClusterDatabase {
  /** Owner of the tables (migrations, grants, test queries). */
  url: string;
  /** The application role, as the API and workers connect. */
  appUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** The S3 peer: SIGKILLed and started again on the same port and directory, objects kept. */
export interface ClusterStore extends PeerAddress {
  bucket: PeerBucket;
  bucketName: string;
  kill(): Promise<void>;
  start(): Promise<void>;
}

export interface Cluster {
  db: ClusterDatabase;
  store: ClusterStore;
  processes: PlatformProcess[];
  /** Starts an API process and waits until it answers /api/health. */
  startApi(name: string, env?: Record<string, string>): Promise<PlatformProcess>;
  /** Starts a worker process and waits until it takes jobs. */
  startWorker(name: string, env?: Record<string, string>): Promise<PlatformProcess>;
  /** Scratch directory of a worker started with that name. */
  workDirOf(name: string): string;
  close(): Promise<void>;
}

// Fixed for the whole cluster: every instance must sign links and open sealed secrets alike.
const SHARED_SECRETS = {
  MEDIA_SIGNING_SECRET: 'cluster-signing-secret-long-enough-0123456789abcdef',
  DATA_ENCRYPTION_KEY: 'Y2x1c3Rlci1kYXRhLWtleS10aGlydHktdHdvLWJ5dGU=',
};

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dir = path.resolve(options.dir);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const echo = options.echo ?? process.env.CLUSTER_LOG === '1';
  const processes: PlatformProcess[] = [];
  let db: ClusterDatabase | undefined;
  let store: ClusterStore | undefined;
  try {
    db = await startDatabase(path.join(dir, 'postgres'));
    store = await startStore(path.join(dir, 's3'));
    const { url, appUrl } = db;
    const common = (): Record<string, string> => ({
      DATABASE_URL: appUrl,
      MIGRATION_DATABASE_URL: url,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: store!.endpoint,
      S3_REGION: store!.region,
      S3_BUCKET: store!.bucketName,
      S3_ACCESS_KEY_ID: store!.accessKeyId,
      S3_SECRET_ACCESS_KEY: store!.secretAccessKey,
      LIVE_ENABLED: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      SEED_DEMO: '1',
      SEED_DEMO_ACTIVITY: '0',
      ...SHARED_SECRETS,
      ...(options.env ?? {}),
    });
    const spawnProcess = (kind: 'api' | 'worker', name: string, env: Record<string, string>, base: string) => {
      const entry = kind === 'api' ? 'apps/api/src/server.ts' : 'apps/worker/src/main.ts';
      const child = spawn(process.execPath, ['--import', 'tsx', entry], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...common(), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (echo) process.stderr.write(prefixLines(`[${name}] `, chunk.toString()));
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
      const p: PlatformProcess = {
        name,
        kind,
        child,
        base,
        output: () => output,
        logLines: () => parseLogLines(output),
        exited,
        kill: (signal = 'SIGTERM') => void (child.exitCode === null && child.signalCode === null && child.kill(signal)),
      };
      processes.push(p);
      return p;
    };
    const untilUp = async (p: PlatformProcess, up: () => Promise<boolean>, timeoutMs: number) => {
      const exitedEarly = p.exited.then((how) => {
        throw new Error(`${p.name} exited (${how}) before it was up; its output:\n${p.output().slice(-4000)}`);
      });
      exitedEarly.catch(() => {});
      await Promise.race([waitFor(`${p.name} to be up (output:\n${p.output().slice(-2000)})`, up, timeoutMs), exitedEarly]);
      return p;
    };
    const cluster: Cluster = {
      db,
      store,
      processes,
      async startApi(name, env = {}) {
        const port = Number(env.PORT ?? (await freePort()));
        const base = `http://127.0.0.1:${port}`;
        const dataDir = path.join(dir, name, 'data');
        const p = spawnProcess(
          'api',
          name,
          { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WORKER_IN_PROCESS: '0', ...env },
          base,
        );
        const answers = () =>
          fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
            (r) => r.ok,
            () => false,
          );
        return untilUp(p, answers, 120_000);
      },
      async startWorker(name, env = {}) {
        const workDir = cluster.workDirOf(name);
        await fs.mkdir(workDir, { recursive: true });
        const httpPort = Number(env.WORKER_HTTP_PORT ?? (await freePort()));
        const p = spawnProcess(
          'worker',
          name,
          { WORK_DIR: workDir, DATA_DIR: path.join(dir, name, 'data'), WORKER_HTTP_PORT: String(httpPort), ...env },
          `http://127.0.0.1:${httpPort}`,
        );
        return untilUp(p, async () => p.output().includes('ready: taking media jobs'), 120_000);
      },
      workDirOf: (name) => path.join(dir, name, 'scratch'),
      async close() {
        for (const p of processes) p.kill('SIGKILL');
        await Promise.all(processes.map((p) => p.exited));
        await store?.kill();
        await db?.stop();
      },
    };
    return cluster;
  } catch (error) {
    await store?.kill().catch(() => {});
    await db?.stop().catch(() => {});
    throw error;
  }
}

async function startDatabase(dataDir: string): Promise<ClusterDatabase> {
  let running: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port: 0, database: 'platform' });
  const { port } = running;
  return {
    url: running.url,
    appUrl: running.appUrl,
    stop: () => running.stop(),
    async start() {
      running = await startEmbeddedPostgres({ dataDir, port, database: 'platform' });
    },
  };
}

async function startStore(directory: string): Promise<ClusterStore> {
  await fs.mkdir(directory, { recursive: true });
  let child: ChildProcess | undefined;
  const launch = async (port: number): Promise<number> => {
    // --openssl-legacy-provider: s3rver's listing tokens use DES (see s3rver-peer.ts).
    child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', S3RVER_ENTRY, directory, String(port)], {
      cwd: path.join(PROJECT_ROOT, 'packages/storage'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    for await (const line of createInterface({ input: child.stdout! })) return (JSON.parse(line) as { port: number }).port;
    throw new Error('s3rver exited before listening');
  };
  const port = await launch(0);
  const address: PeerAddress = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  };
  const bucket = await createPeerBucket(address, BUCKET, { corsOrigins: ['*'] });
  return {
    ...address,
    bucket,
    bucketName: BUCKET,
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = once(c, 'exit');
      c.kill('SIGKILL');
      await exited;
    },
    async start() {
      await launch(port);
    },
  };
}

/** Media jobs queued or running (e.g. the demo catalogue's, queued by the first API). */
export async function pendingMediaJobs(cluster: Cluster): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('media.process', 'media.photo') AND state IN ('created', 'retry', 'active')`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** Waits until no media job is queued or running, or `timeoutMs` passes; returns how many are left. */
export async function waitForQuietMediaQueues(cluster: Cluster, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let pending = await pendingMediaJobs(cluster);
  while (pending > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1_000));
    pending = await pendingMediaJobs(cluster);
  }
  return pending;
}

function parseLogLines(output: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // A line cut by a kill -9.
    }
  }
  return lines;
}

function prefixLines(prefix: string, text: string): string {
  return text.replace(/^(?=.)/gm, prefix);
}
