import type { Logger } from '@platform/core';

/** Distinct errors followed at once; beyond this many in a window every error is logged. */
const MAX_TRACKED = 50;

/**
 * Logs an error in full the first time it occurs, then counts the same error (same code and
 * message) for `windowMs` and logs the count once at the end of the window. A database outage makes
 * pg-boss report the same refused connection about ten times a second per process; operators need
 * the first line with its cause and how long it went on, not thousands of copies burying the rest.
 */
export function repeatedErrorLog(log: Logger, message: string, windowMs = 10_000): (error: Error) => void {
  const suppressed = new Map<string, number>();
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code;
    const key = `${code ?? ''}\n${error.message}`;
    const count = suppressed.get(key);
    if (count !== undefined) {
      suppressed.set(key, count + 1);
      return;
    }
    log.error({ err: error }, message);
    if (suppressed.size >= MAX_TRACKED) return;
    suppressed.set(key, 0);
    setTimeout(() => {
      const repeated = suppressed.get(key) ?? 0;
      suppressed.delete(key);
      if (repeated) {
        log.error(
          { repeated, windowSeconds: windowMs / 1000, err: { type: error.name, code, message: error.message } },
          `${message} (the same error again ${repeated} times)`,
        );
      }
    }, windowMs).unref();
  };
}
