import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Runs this package alone without the root config's PostgreSQL global setup:
// `npx vitest run --config packages/storage/vitest.config.ts`. The root config runs these specs too.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['src/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
