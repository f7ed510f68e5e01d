// A standalone media worker (`npm run worker`) as its own process, against a test app's database
// and filesystem store, for the tests that stop, kill or share workers.
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT, type TestApp } from './test-app.ts';

/**
 * Spawns apps/worker/src/main.ts with the test app's DATABASE_URL and DATA_DIR, scratch in
 * `workDir` and a 1 s job monitor; `env` adds or overrides variables. `output()` is everything it
 * has written to stdout and stderr so far. The caller stops it.
 */
export function spawnWorker(t: TestApp, workDir: string, env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: t.platform.databaseUrl,
      DATA_DIR: t.dataDir,
      WORK_DIR: workDir,
      JOB_MONITOR_SECONDS: '1',
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}
