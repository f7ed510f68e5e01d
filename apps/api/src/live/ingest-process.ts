import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorageConfig } from '@platform/config';
import type { FastifyBaseLogger } from 'fastify';
import type { ApiConfig } from '../config.ts';
import { INGEST_SECRET_HEADER } from './ingest-endpoint.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const SETPRIV = '/usr/bin/setpriv';

export interface IngestProcess {
  url: string;
  /** The child's pid (tests check nothing is left after a kill -9). */
  pid(): number | undefined;
  /** SIGTERM (lives end, recordings are stored), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** The environment of the ingest child: what it needs of the API's configuration, nothing else. */
export function ingestEnvOf(config: ApiConfig, databaseUrl: string, dataKey: Uint8Array, secret: string): NodeJS.ProcessEnv {
  const live = config.live;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ,
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: databaseUrl,
    DATA_DIR: config.dataDir,
    DATA_ENCRYPTION_KEY: Buffer.from(dataKey).toString('base64'),
    LOG_LEVEL: config.log.level,
    LOG_FORMAT: config.log.format,
    LIVE_ENABLED: '1',
    LIVE_RTMP_HOST: live.rtmp.host,
    LIVE_RTMP_PORT: String(live.rtmp.port),
    LIVE_FLV_PORT: String(live.flvPort),
    LIVE_INGEST_HOST: live.ingest.host,
    LIVE_INGEST_PORT: String(live.ingest.port),
    LIVE_INGEST_SECRET: secret,
    LIVE_MAX_PER_ENTERPRISE: String(live.limits.perEnterprise),
    LIVE_MAX_TOTAL: String(live.limits.total),
    LIVE_MAX_MINUTES: String(live.limits.maxMinutes),
    LIVE_RECONNECT_GRACE_SECONDS: String(live.reconnectGraceSeconds),
    LIVE_IDLE_STOP_SECONDS: String(live.idleStopSeconds),
    LIVE_CAMERA_CHECK_SECONDS: String(live.cameraCheckSeconds),
    LIVE_HLS_SEGMENT_SECONDS: String(live.hls.segmentSeconds),
    LIVE_HLS_WINDOW: String(live.hls.window),
    ...(live.workDir ? { LIVE_WORK_DIR: live.workDir } : {}),
    ...(config.media.ffmpegPath ? { FFMPEG_PATH: config.media.ffmpegPath } : {}),
    ...(config.media.ffprobePath ? { FFPROBE_PATH: config.media.ffprobePath } : {}),
    ...storageEnvOf(config.storage),
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

function storageEnvOf(storage: StorageConfig): NodeJS.ProcessEnv {
  if (storage.driver === 'filesystem') return { STORAGE_DRIVER: 'filesystem', STORAGE_DIR: storage.root };
  return {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: storage.endpoint,
    S3_REGION: storage.region,
    S3_BUCKET: storage.bucket,
    S3_ACCESS_KEY_ID: storage.accessKeyId,
    S3_SECRET_ACCESS_KEY: storage.secretAccessKey,
    S3_FORCE_PATH_STYLE: storage.forcePathStyle ? '1' : '0',
  };
}

/**
 * Starts the ingest (apps/ingest) as a child process of this API, the embedded default. The kernel
 * kills it if the API dies (`setpriv --pdeathsig`), so a `kill -9` of the API leaves no ingest and
 * no ffmpeg. A child that exits on its own is started again after a pause. Resolves once its
 * /health answers (or, when it cannot start, logs why and leaves the API up without live).
 */
export async function startIngestProcess(
  config: ApiConfig,
  options: { databaseUrl: string; dataKey: Uint8Array; secret: string; log: FastifyBaseLogger },
): Promise<IngestProcess> {
  const log = options.log.child({ component: 'ingest' });
  const url = `http://127.0.0.1:${config.live.ingest.port}`;
  const env = ingestEnvOf(config, options.databaseUrl, options.dataKey, options.secret);
  const main = path.join(projectRoot, 'apps', 'ingest', 'src', 'main.ts');
  const args = ['--import', 'tsx', main];
  let child: ChildProcess | undefined;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let restartDelayMs = 2000;

  const launch = () => {
    const spawned = existsSync(SETPRIV)
      ? spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', process.execPath, ...args], {
          cwd: projectRoot,
          env,
          stdio: ['ignore', 'inherit', 'inherit'],
        })
      : spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child = spawned;
    const startedAt = Date.now();
    spawned.once('exit', (code, signal) => {
      if (stopping || child !== spawned) return;
      if (Date.now() - startedAt > 60_000) restartDelayMs = 2000;
      log.error({ code, signal, restartInMs: restartDelayMs }, 'live ingest exited; starting it again');
      restartTimer = setTimeout(launch, restartDelayMs);
      restartDelayMs = Math.min(restartDelayMs * 2, 60_000);
    });
  };
  launch();

  const healthy = await waitForHealth(url, options.secret, 30_000, () => child?.exitCode !== null && child?.exitCode !== undefined);
  if (healthy) log.info({ url, rtmpPort: config.live.rtmp.port }, `live ingest on ${url}, RTMP on port ${config.live.rtmp.port}`);
  else log.error({ url }, 'live ingest did not come up; live meetings are unavailable until it does');

  return {
    url,
    pid: () => child?.pid,
    async stop(graceMs = 10_000) {
      stopping = true;
      clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => current.kill('SIGKILL'), graceMs);
        current.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        current.kill('SIGTERM');
      });
    },
  };
}

async function waitForHealth(url: string, secret: string, timeoutMs: number, exited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health`, { headers: { [INGEST_SECRET_HEADER]: secret }, signal: AbortSignal.timeout(1000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    if (exited()) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
