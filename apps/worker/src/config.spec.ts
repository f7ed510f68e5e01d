import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from './config.ts';

const base = { DATABASE_URL: 'postgres://u:p@db/x' };

describe('loadWorkerConfig: the HTTP server and /metrics', () => {
  it('listens on 127.0.0.1:9465 by default, scrapable from the loopback only', () => {
    expect(loadWorkerConfig(base, '/')).toMatchObject({
      http: { port: 9465, host: '127.0.0.1', defaultPort: true },
      metricsToken: undefined,
    });
    // An empty key, as env files list it, is no token.
    expect(loadWorkerConfig({ ...base, METRICS_TOKEN: '' }, '/').metricsToken).toBeUndefined();
  });

  it('takes a port (0 = off), a host and a token', () => {
    const config = loadWorkerConfig(
      { ...base, WORKER_HTTP_PORT: '0', WORKER_HTTP_HOST: '0.0.0.0', METRICS_TOKEN: 'a-long-enough-token-123' },
      '/',
    );
    expect(config).toMatchObject({ http: { port: 0, host: '0.0.0.0', defaultPort: false }, metricsToken: 'a-long-enough-token-123' });
  });

  it('names every bad key at once', () => {
    expect(() => loadWorkerConfig({ ...base, WORKER_HTTP_PORT: '70000', METRICS_TOKEN: 'short' }, '/')).toThrow(
      /WORKER_HTTP_PORT: .*\n {2}METRICS_TOKEN: must be at least 16 characters/,
    );
  });
});
