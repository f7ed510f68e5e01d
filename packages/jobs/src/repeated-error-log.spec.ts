import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '@platform/core';
import { repeatedErrorLog } from './repeated-error-log.ts';

function recordingLogger(): { log: Logger; lines: { fields: Record<string, unknown>; message: string }[] } {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const error = (fields: object, message: string) => void lines.push({ fields: fields as Record<string, unknown>, message });
  const log = { error, warn: error, info: error, debug: error, child: () => log } as unknown as Logger;
  return { log, lines };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('repeatedErrorLog', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('logs the first error in full and the repeats as one count at the end of the window', () => {
    const { log, lines } = recordingLogger();
    const report = repeatedErrorLog(log, 'job queue error', 10_000);
    for (let i = 0; i < 100; i++) report(refused());
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fields.err).toBeInstanceOf(Error);

    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      message: 'job queue error (the same error again 99 times)',
      fields: {
        repeated: 99,
        windowSeconds: 10,
        queues: [],
        err: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      },
    });

    // A new window: the error is logged in full again.
    report(refused());
    expect(lines).toHaveLength(3);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(3);
  });

  it('logs different errors each in full', () => {
    const { log, lines } = recordingLogger();
    const report = repeatedErrorLog(log, 'job queue error');
    report(refused());
    report(new Error('terminating connection due to administrator command'));
    report(refused());
    expect(lines.map((l) => (l.fields.err as Error).message)).toEqual([
      'connect ECONNREFUSED 127.0.0.1:5432',
      'terminating connection due to administrator command',
    ]);
  });

  it('counts the same cause from every pg-boss poller as one error, naming the queues', () => {
    const { log, lines } = recordingLogger();
    const report = repeatedErrorLog(log, 'job queue error', 10_000);
    const fromPoller = (queue: string) =>
      Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:5432 (Queue: ${queue}, Worker: ${crypto.randomUUID()})`), {
        code: 'ECONNREFUSED',
      });
    for (const queue of ['media.process', 'media.photo', 'media.process', 'reminders.webhook']) report(fromPoller(queue));
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(lines[1]!.fields).toMatchObject({
      repeated: 3,
      queues: ['media.photo', 'media.process', 'reminders.webhook'],
      err: { message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
  });
});
