import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const SETPRIV = '/usr/bin/setpriv';
const hasSetpriv = existsSync(SETPRIV);

/**
 * Spawns a helper (ffmpeg, ffprobe, the ingest itself) that the kernel kills when its parent dies
 * (`setpriv --pdeathsig KILL`, util-linux), so a `kill -9` of the parent leaves no orphan behind.
 * Where setpriv is missing the child is spawned plainly and stopped on a clean exit only.
 */
export function spawnGuarded(command: string, args: readonly string[], options: Parameters<typeof spawn>[2] = {}): ChildProcess {
  return hasSetpriv ? spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args], options) : spawn(command, args, options);
}

/** A running ffmpeg: the tail of what it said, how it ended, and a graceful stop. */
export class FfmpegRun {
  readonly child: ChildProcess;
  /** The last few kilobytes of stderr (never logged whole: it may name a camera's address). */
  private tail = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private done = false;

  constructor(command: string, args: readonly string[]) {
    this.child = spawnGuarded(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.tail = (this.tail + chunk).slice(-4096);
    });
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.tail += `\n${error.message}`;
        this.done = true;
        resolve({ code: -1, signal: null });
      });
      this.child.once('exit', (code, signal) => {
        this.done = true;
        resolve({ code, signal });
      });
    });
  }

  get running(): boolean {
    return !this.done;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stderrTail(): string {
    return this.tail;
  }

  /** SIGINT (ffmpeg writes its trailers and exits), then SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.done) return;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Runs a command to completion with a time limit; resolves with its exit code and output. */
export function runToEnd(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawnGuarded(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout = (stdout + c).slice(-65536)));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-8192)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr + error.message, timedOut });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
