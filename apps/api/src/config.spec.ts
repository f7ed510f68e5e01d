import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies embedded defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.dataDir).toBe('/srv/app/.data');
  });

  it('turns demo seeding off for an external database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/x' }, '/').seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/x', SEED_DEMO: '1' }, '/').seedDemo).toBe(true);
  });

  it('names every bad key at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '0', PUBLIC_ORIGIN: 'not a url' }, '/');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const key of ['PORT', 'DATABASE_URL', 'SESSION_IDLE_MINUTES', 'PUBLIC_ORIGIN']) expect(message).toContain(key);
  });
});
