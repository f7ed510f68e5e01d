// `npm start`: build the web app when its build is missing or older than its sources, then run
// the API server (which serves the built pages) with TypeScript executed directly by tsx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'apps/web/build/index.html');
const webSources = ['apps/web/src', 'apps/web/static', 'apps/web/svelte.config.js', 'apps/web/vite.config.ts', 'packages/contracts/src'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...webSources.map((p) => newestMtime(path.join(root, p))));
if (!process.env.WEB_DIR && existsSync(path.join(root, 'apps/web/package.json')) && sourcesAt > builtAt) {
  console.log('[platform] building the web app (first start or sources changed)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@platform/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('[platform] the web build failed; see the output above');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the server through the terminal's process group; it shuts down PostgreSQL
// itself. Pass on signals sent to this process alone (e.g. `kill`), then exit with the server.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
