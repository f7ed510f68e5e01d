import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.spec.ts',
      'apps/api/src/**/*.spec.ts',
      'apps/worker/src/**/*.spec.ts',
      'apps/ingest/src/**/*.spec.ts',
      'apps/web/src/**/*.spec.ts',
      'seeds/**/*.spec.ts',
      'scripts/**/*.spec.ts',
      'tests/integration/**/*.test.ts',
    ],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
