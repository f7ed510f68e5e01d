import { describe, expect, it } from 'vitest';
import { createLogger, formatLogLine, resolveLogFormat } from './logger.ts';

/** A logger writing into an array, as a terminal (`isTTY`) or a pipe would receive it. */
function capture(isTTY: boolean, format: 'auto' | 'json' | 'pretty' = 'auto') {
  const out: string[] = [];
  const log = createLogger({ level: 'debug', format }, 'test', { isTTY, write: (text: string) => out.push(text) });
  return { log, out };
}

describe('createLogger', () => {
  it('writes JSON lines with the error stack and its causes when the output is not a terminal', () => {
    const { log, out } = capture(false);
    const cause = new Error('connection refused');
    log.error({ err: new Error('upload failed', { cause }), jobId: 'j1', assetId: 'a1' }, 'job failed');
    const line = JSON.parse(out.join('')) as { msg: string; jobId: string; assetId: string; err: { message: string; stack: string } };
    expect(line).toMatchObject({ msg: 'job failed', jobId: 'j1', assetId: 'a1' });
    expect(line.err.message).toContain('upload failed');
    expect(line.err.stack).toContain('caused by: Error: connection refused');
  });

  it('writes readable lines on a terminal, JSON when asked even there', () => {
    const pretty = capture(true);
    pretty.log.info({ port: 3000 }, 'listening');
    expect(pretty.out.join('')).toMatch(/INFO.*listening.*port=3000/);
    const json = capture(true, 'json');
    json.log.info('listening');
    expect(JSON.parse(json.out.join(''))).toMatchObject({ msg: 'listening', name: 'test' });
  });

  it('resolves auto by whether the output is a terminal', () => {
    expect(resolveLogFormat('auto', { isTTY: true, write: () => true })).toBe('pretty');
    expect(resolveLogFormat('auto', { write: () => true })).toBe('json');
    expect(resolveLogFormat('pretty', { write: () => true })).toBe('pretty');
  });
});

describe('formatLogLine', () => {
  it('puts the level, message and fields on one line and the stack with causes indented below', () => {
    const line = JSON.stringify({
      level: 50,
      time: '2026-11-02T08:00:00.000Z',
      msg: 'job failed',
      pid: 1,
      hostname: 'h',
      name: 'worker',
      jobId: 'j1',
      err: {
        type: 'FfmpegError',
        message: 'ffmpeg failed',
        stack: 'FfmpegError: ffmpeg failed\n    at run\ncaused by: Error: EPIPE',
        stderr: 'moov atom not found',
      },
    });
    const text = formatLogLine(line);
    const [first, ...rest] = text.trimEnd().split('\n');
    expect(first).toMatch(/^\d\d:\d\d:\d\d ERROR job failed {2}jobId=j1$/);
    expect(rest).toEqual([
      '    FfmpegError: ffmpeg failed',
      '        at run',
      '    caused by: Error: EPIPE',
      '    stderr: moov atom not found',
    ]);
  });

  it('passes through what is not JSON', () => {
    expect(formatLogLine('plain text')).toBe('plain text\n');
  });
});
