import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';

// Process and port helpers for every kind of test (integration, e2e, bench): node built-ins only,
// so a Playwright spec can import this without pulling in the test app or @platform/core.

/** A port free right now (listen on 0, read, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every 200 ms until it gives a truthy value, which it returns; fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Pids whose parent is `pid` (from /proc). */
export function childrenOf(pid: number): number[] {
  return pids().filter((p) => {
    const stat = procStat(p);
    return stat !== undefined && Number(stat.split(' ')[1]) === pid;
  });
}

/** The command line of `pid`, arguments joined by spaces; empty when it is gone. */
export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Live processes (not this one, no zombies) whose command line contains `text`. */
export function processesWith(text: string): number[] {
  return pids().filter((p) => p !== process.pid && cmdline(p).includes(text) && isRunning(p));
}

/** Whether `pid` still runs: it exists and is not a zombie waiting for its parent. */
export function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && !stat.startsWith('Z');
}

function pids(): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
}

/** /proc/<pid>/stat after the command name: state, parent pid, …; undefined when the process is gone. */
function procStat(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2);
  } catch {
    return undefined;
  }
}
