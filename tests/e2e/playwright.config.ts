import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { S3_PORT } from './s3-env.ts';

// Browser end-to-end tests against the real platform (embedded PostgreSQL, ffmpeg, filesystem
// store) in Debian's Chromium: `apt-get install -y chromium`, or point CHROME_PATH at a Chrome.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.E2E_PORT ?? 3100);
const dataDir = path.join(root, 'tmp', 'e2e-data');
/** The e2e platform's RTMP port; live-wall.desktop.spec.ts pushes to it. */
const LIVE_RTMP_PORT = 39351;

const launchOptions = chromiumLaunchOptions(['--autoplay-policy=no-user-gesture-required']);

export default defineConfig({
  testDir: '.',
  outputDir: path.join(root, 'test-results', 'e2e'),
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [
    { name: 'phone', testMatch: /\.phone\.spec\.ts$/, use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions } },
    {
      name: 'desktop',
      testMatch: /\.desktop\.spec\.ts$/,
      use: { browserName: 'chromium', viewport: { width: 1920, height: 1080 }, launchOptions },
    },
    // The same phone against a second platform that stores media in S3 (s3rver): parts go from the browser to the bucket.
    {
      name: 'phone-s3',
      testMatch: /\.phone-s3\.spec\.ts$/,
      use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions, baseURL: `http://127.0.0.1:${S3_PORT}` },
    },
  ],
  webServer: [
    {
      // A fresh platform per run: new embedded database and object store under tmp/e2e-data.
      command: `rm -rf "${dataDir}" && node --import tsx apps/api/src/server.ts`,
      cwd: root,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: '0',
        UPLOAD_PART_MB: '5',
        LOG_LEVEL: 'warn',
        // The specs make their own meetings and count what they see; past demo days would only add noise.
        SEED_DEMO_ACTIVITY: '0',
        // Live meetings on ports of their own (not the defaults 1935/8935/8936 a developer's platform may hold).
        LIVE_RTMP_HOST: '127.0.0.1',
        LIVE_RTMP_PORT: String(LIVE_RTMP_PORT),
        LIVE_FLV_PORT: '39352',
        LIVE_INGEST_PORT: '39353',
      },
    },
    {
      // s3rver plus a fresh platform with STORAGE_DRIVER=s3 (data under tmp/e2e-s3), for the phone-s3 project.
      command: 'node --import tsx tests/e2e/s3-platform.ts',
      cwd: root,
      url: `http://127.0.0.1:${S3_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      // SIGTERM lets it stop the platform (and its PostgreSQL) and remove the peer's temp dir.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      env: { LOG_LEVEL: 'warn' },
    },
  ],
});
