import { describe, expect, it } from 'vitest';
import { QUEUES, queueUpdates } from './queues.ts';

describe('queueUpdates', () => {
  const definition = QUEUES['media.process'];

  it('leaves a queue alone when it already matches', () => {
    // As pg-boss's getQueue returns it: more columns than we define.
    const row = { ...definition, name: 'media.process', retryDelayMax: null, retentionSeconds: 1_209_600 };
    expect(queueUpdates(row, definition)).toBeNull();
  });

  it('turns on notify for a queue created before it existed, changing nothing else', () => {
    const old = { ...definition, notify: false };
    expect(queueUpdates(old, definition)).toEqual({ notify: true });
  });

  it('brings changed retry and heartbeat settings up to date', () => {
    expect(queueUpdates({ ...definition, retryLimit: 1, heartbeatSeconds: null }, definition)).toEqual({
      retryLimit: definition.retryLimit,
      heartbeatSeconds: 30,
    });
  });
});
