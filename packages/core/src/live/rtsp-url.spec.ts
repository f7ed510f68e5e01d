import { describe, expect, it } from 'vitest';
import { hasCredentials, redactRtsp, rtspUrlWithCredentials, withoutCredentials } from './rtsp-url.ts';
import { hashStreamKey, newStreamKey, streamKeyMatches } from './stream-key.ts';

describe('camera addresses', () => {
  it('adds credentials encoded, and shows the address without them', () => {
    const full = rtspUrlWithCredentials('rtsp://192.168.1.64:554/Streaming/Channels/101', 'admin', 'p@ss:w/rd');
    expect(full).toBe('rtsp://admin:p%40ss%3Aw%2Frd@192.168.1.64:554/Streaming/Channels/101');
    expect(hasCredentials(full)).toBe(true);
    expect(withoutCredentials(full)).toBe('rtsp://192.168.1.64:554/Streaming/Channels/101');
  });

  it('masks credentials of every RTSP URL in a log line', () => {
    expect(redactRtsp('Input #0, rtsp, from rtsp://admin:secret@10.0.0.2/live and rtsp://u:p@h/x')).toBe(
      'Input #0, rtsp, from rtsp://***@10.0.0.2/live and rtsp://***@h/x',
    );
    expect(redactRtsp('rtsp://10.0.0.2/live')).toBe('rtsp://10.0.0.2/live');
  });
});

describe('publish keys', () => {
  it('matches only the key that was hashed', () => {
    const key = newStreamKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(streamKeyMatches(key, hashStreamKey(key))).toBe(true);
    expect(streamKeyMatches(`${key}x`, hashStreamKey(key))).toBe(false);
  });
});
