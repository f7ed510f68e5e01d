// Reading CPU time, memory and open files of processes from /proc (Linux), including the CPU of
// children that have already exited: a process's cutime/cstime hold its reaped descendants', which
// is how ffmpeg runs that start and end between two samples still count.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux this runs on). */
const HZ = 100;

export interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  /** CPU seconds of the process itself. */
  self: number;
  /** CPU seconds of its exited (reaped) descendants. */
  reaped: number;
  rssBytes: number;
}

/** Every process on the machine right now, by pid. */
export function processTable(): Map<number, ProcInfo> {
  const table = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(Number(name));
    if (info) table.set(info.pid, info);
  }
  return table;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14) … rss(21) in pages.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      ppid: Number(f[1]),
      comm,
      self: (Number(f[11]) + Number(f[12])) / HZ,
      reaped: (Number(f[13]) + Number(f[14])) / HZ,
      rssBytes: Number(f[21]) * 4096,
    };
  } catch {
    return null; // Gone between the listing and the read.
  }
}

/** Pids of every live descendant of `pid` in `table`. */
export function descendants(table: Map<number, ProcInfo>, pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of table.values()) {
    const list = children.get(p.ppid);
    if (list) list.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const out: number[] = [];
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** Open file descriptors of `pid` (0 when it is gone). */
export function fdCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

/** The command line of `pid`, arguments joined by spaces; empty when it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Busy and total CPU seconds of the whole machine since boot (all cores), from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy: busy / HZ, total: (busy + idle! + iowait!) / HZ };
}
