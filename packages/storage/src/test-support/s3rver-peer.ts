import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A running s3rver: what an S3 client needs to reach it, and how to stop it. */
export interface S3rverPeer {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./s3rver-process.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts s3rver, a real S3 protocol peer, in a child process on a free port of 127.0.0.1 with
 * its data in a fresh temp dir. A child process because s3rver encrypts ListObjectsV2
 * continuation tokens with DES, which Node 17+ only has with `--openssl-legacy-provider`
 * (without it every truncated listing fails with 500).
 */
export async function startS3rverPeer(): Promise<S3rverPeer> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 's3rver-'));
  // cwd is the package, so `--import tsx` resolves from the workspace's node_modules.
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', ENTRY, directory], {
    cwd: PACKAGE_DIR,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const exitedEarly = exited.then(([code]) => Promise.reject(new Error(`s3rver exited with code ${code} before listening`)));
  // Once listening, the child's later (normal) exit must not count as an unhandled rejection.
  exitedEarly.catch(() => {});
  try {
    const port = await Promise.race([
      firstLine(child.stdout).then((line) => (JSON.parse(line) as { port: number }).port),
      exitedEarly,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('s3rver did not start within 30 s')), 30_000).unref()),
    ]);
    return {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      // s3rver's only account.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      stop: async () => {
        child.stdin.end();
        await exited;
        await fs.rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill();
    await fs.rm(directory, { recursive: true, force: true });
    throw error;
  }
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  for await (const line of createInterface({ input: stream })) return line;
  throw new Error('s3rver closed its output before printing its port');
}
