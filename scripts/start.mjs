// `npm start`: build the web app when its build is missing or older than its sources, then run
// the API server (which serves the built pages) with TypeScript executed directly by tsx.
import { spawn } from 'node:child_process';
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
  await buildWebApp();
}

/**
 * Builds quietly: a first start would otherwise print some 270 lines of build output above the
 * server's ready banner. The output is kept and shown only when the build fails.
 */
async function buildWebApp() {
  process.stdout.write('[platform] building the web app (first start or sources changed)… ');
  const started = Date.now();
  const build = spawn('npm', ['run', 'build', '-w', '@platform/web'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  build.stdout.on('data', (chunk) => output.push(chunk));
  build.stderr.on('data', (chunk) => output.push(chunk));
  const code = await new Promise((resolve) => {
    build.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    build.on('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
  if (code === 0) {
    console.log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
    return;
  }
  console.log('failed:\n');
  process.stderr.write(Buffer.concat(output));
  console.error(`\n[platform] the web build failed (exit ${code}); its output is above`);
  process.exit(code);
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the server through the terminal's process group; it shuts down PostgreSQL
// itself. Pass on signals sent to this process alone (e.g. `kill`), then exit with the server.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
