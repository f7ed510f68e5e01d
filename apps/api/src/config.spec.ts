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

  it('turns demo seeding and the in-process worker off for an external database unless asked', () => {
    const external = {
      DATABASE_URL: 'postgres://u:p@db/x',
      MEDIA_SIGNING_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    expect(loadConfig(external, '/')).toMatchObject({ seedDemo: false, workerInProcess: false });
    expect(loadConfig({ ...external, SEED_DEMO: '1', WORKER_IN_PROCESS: '1' }, '/')).toMatchObject({
      seedDemo: true,
      workerInProcess: true,
    });
  });

  it('requires a shared signing secret with an external database, and S3 credentials for the S3 driver', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/x' }, '/')).toThrow(/MEDIA_SIGNING_SECRET: required/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/x' }, '/')).toThrow(/DATA_ENCRYPTION_KEY: required/);
    let message = '';
    try {
      loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'media' }, '/');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3');
    expect(message).toContain('S3_SECRET_ACCESS_KEY');
    expect(message).not.toContain('S3_BUCKET');
  });

  it('defaults to the filesystem store under DATA_DIR and the documented media limits', () => {
    const config = loadConfig({ DATA_DIR: 'data' }, '/srv/app');
    expect(config.storage).toEqual({ driver: 'filesystem', root: '/srv/app/data/objects' });
    expect(config.media).toMatchObject({
      maxVideoBytes: 4096 * 1024 * 1024,
      maxDurationSeconds: 1800,
      maxPhotoBytes: 30 * 1024 * 1024,
      maxDocumentBytes: 100 * 1024 * 1024,
      partSizeBytes: 8 * 1024 * 1024,
    });
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
