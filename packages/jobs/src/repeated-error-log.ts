import type { Logger } from '@platform/core';

/** Distinct errors followed at once; beyond this many in a window every error is logged. */
const MAX_TRACKED = 50;

/** pg-boss appends the queue and worker a polling error came from: one cause, a line per poller. */
const POLLER_SUFFIX = /\s*\(Queue: ([^,)]+), Worker: [^)]+\)$/;

/**
 * Logs an error in full the first time it occurs, then counts the same error (same code and
 * message, whichever of pg-boss's pollers reported it) for `windowMs` and logs the count once at the
 * end of the window, with the queues it came from. A database outage makes pg-boss report the same
 * refused connection from every queue's poller, about ten times a second per process; operators
 * need the first line with its cause and how long it went on, not thousands of copies burying the rest.
 */
export function repeatedErrorLog(log: Logger, message: string, windowMs = 10_000): (error: Error) => void {
  const windows = new Map<string, { repeated: number; queues: Set<string> }>();
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code;
    const cause = error.message.replace(POLLER_SUFFIX, '');
    const queue = POLLER_SUFFIX.exec(error.message)?.[1];
    const key = `${code ?? ''}\n${cause}`;
    const window = windows.get(key);
    if (window) {
      window.repeated++;
      if (queue) window.queues.add(queue);
      return;
    }
    log.error({ err: error }, message);
    if (windows.size >= MAX_TRACKED) return;
    const opened = { repeated: 0, queues: new Set<string>() };
    windows.set(key, opened);
    setTimeout(() => {
      windows.delete(key);
      if (!opened.repeated) return;
      log.error(
        {
          repeated: opened.repeated,
          windowSeconds: windowMs / 1000,
          queues: [...opened.queues].sort(),
          err: { type: error.name, code, message: cause },
        },
        `${message} (the same error again ${opened.repeated} times)`,
      );
    }, windowMs).unref();
  };
}
