import { describe, expect, it } from 'vitest';
import { classifyRtspFailure } from './camera-failure.ts';

describe('classifyRtspFailure', () => {
  it.each([
    ['[rtsp @ 0x55] method DESCRIBE failed: 401 Unauthorized', 'UNAUTHORIZED'],
    ['[rtsp @ 0x55] method DESCRIBE failed: 404 Not Found', 'NOT_FOUND'],
    ['rtsp://127.0.0.1:1/x: Connection refused', 'REFUSED'],
    ['rtsp://10.0.0.9/x: Connection timed out', 'TIMEOUT'],
    ['Output file #0 does not contain any stream', 'NO_VIDEO'],
    ['rtsp://nohost/x: Name or service not known', 'UNREACHABLE'],
  ])('%s → %s', (text, reason) => expect(classifyRtspFailure(text)).toBe(reason));

  it('a probe killed for taking too long is a timeout', () => expect(classifyRtspFailure('', true)).toBe('TIMEOUT'));
});
