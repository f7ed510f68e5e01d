import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The processes the platform image runs: the three apps, and the API's migration command. */
export type PlatformApp = 'api' | 'worker' | 'ingest' | 'migrate';

/**
 * What the manifests are checked against, read from the repository's own sources so a renamed
 * key, route, queue or entry file fails the check instead of a deployment.
 */
export interface PlatformFacts {
  /** Environment keys each process reads (its config.ts schema plus the shapes it spreads). */
  envKeys: Record<PlatformApp, Set<string>>;
  /** GET paths of the API contract (packages/contracts/src/endpoints.ts). */
  apiGetPaths: Set<string>;
  /** The worker's fixed HTTP paths (apps/worker: WORKER_HTTP_PORT). */
  workerPaths: Set<string>;
  /** pg-boss queue names (packages/jobs/src/queues.ts). */
  queues: Set<string>;
  /** Workspace folders with a package.json (apps/*, packages/*, seeds). */
  workspaces: string[];
  /** Whether a repository-relative file exists. */
  fileExists(relative: string): boolean;
}

/**
 * Keys every process may get although no config.ts reads them: Node's and the C library's own.
 * NODE_ENV is set by the image; TZ fixes the zone of log timestamps.
 */
export const RUNTIME_ENV_KEYS = new Set(['NODE_ENV', 'NODE_OPTIONS', 'TZ']);

const WORKER_PATHS = ['/health/live', '/health/ready', '/metrics'];

/** Reads the facts from the repository at `repoRoot`. */
export function readPlatformFacts(repoRoot: string): PlatformFacts {
  const read = (relative: string) => readFileSync(path.join(repoRoot, relative), 'utf8');
  const shapes = readEnvShapes(path.join(repoRoot, 'packages/config/src'));
  const keysOf = (app: 'api' | 'worker' | 'ingest', schema = 'EnvSchema') =>
    appEnvKeys(read(`apps/${app}/src/config.ts`), shapes, `apps/${app}/src/config.ts`, schema);
  return {
    // `npm run db:migrate` reads only the database keys (MigrateEnvSchema of the API's config.ts).
    envKeys: { api: keysOf('api'), worker: keysOf('worker'), ingest: keysOf('ingest'), migrate: keysOf('api', 'MigrateEnvSchema') },
    apiGetPaths: new Set(
      [...read('packages/contracts/src/endpoints.ts').matchAll(/method:\s*'GET',\s*path:\s*'([^']+)'/g)].map((m) => m[1]!),
    ),
    workerPaths: new Set(WORKER_PATHS),
    queues: new Set([...read('packages/jobs/src/queues.ts').matchAll(/^\s*'([a-z][a-z-]*(?:\.[a-z-]+)+)':\s*\{/gm)].map((m) => m[1]!)),
    workspaces: ['apps', 'packages']
      .flatMap((dir) => readdirSync(path.join(repoRoot, dir)).map((name) => `${dir}/${name}`))
      .concat('seeds')
      .filter((dir) => existsSync(path.join(repoRoot, dir, 'package.json')))
      .sort(),
    fileExists: (relative) => existsSync(path.join(repoRoot, relative)),
  };
}

/**
 * `export const xEnvShape = { KEY: …, ...otherShape }` blocks of packages/config/src, by name,
 * with the keys of shapes they spread resolved.
 */
function readEnvShapes(configSrc: string): Map<string, Set<string>> {
  const raw = new Map<string, { keys: string[]; spreads: string[] }>();
  for (const file of readdirSync(configSrc).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    const source = readFileSync(path.join(configSrc, file), 'utf8');
    for (const m of source.matchAll(/export const (\w+EnvShape) = \{\n([\s\S]*?)\n\};/g)) {
      raw.set(m[1]!, { keys: keysIn(m[2]!), spreads: spreadsIn(m[2]!) });
    }
  }
  const resolved = new Map<string, Set<string>>();
  const resolve = (name: string, seen: string[] = []): Set<string> => {
    const done = resolved.get(name);
    if (done) return done;
    const shape = raw.get(name);
    if (!shape || seen.includes(name)) return new Set();
    const keys = new Set([...shape.keys, ...shape.spreads.flatMap((s) => [...resolve(s, [...seen, name])])]);
    resolved.set(name, keys);
    return keys;
  };
  for (const name of raw.keys()) resolve(name);
  return resolved;
}

function appEnvKeys(configSource: string, shapes: Map<string, Set<string>>, file: string, name: string): Set<string> {
  const schema = new RegExp(`const ${name} = z\\.object\\(\\{\\n([\\s\\S]*?)\\n\\}\\);`).exec(configSource);
  if (!schema) throw new Error(`${file}: no \`const ${name} = z.object({…});\` to read the environment keys from`);
  const keys = new Set(keysIn(schema[1]!));
  for (const spread of spreadsIn(schema[1]!)) {
    const shape = shapes.get(spread);
    if (!shape) throw new Error(`${file}: spreads ${spread}, which packages/config/src does not export as \`export const ${spread} = {\``);
    for (const key of shape) keys.add(key);
  }
  return keys;
}

// Keys are upper-case object properties at the start of a line; the zod calls around them never are.
const keysIn = (body: string) => [...body.matchAll(/^\s*([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
const spreadsIn = (body: string) => [...body.matchAll(/^\s*\.\.\.(\w+EnvShape),?$/gm)].map((m) => m[1]!);

/** Where a process's keys are declared, for messages. */
export function configSourceOf(app: PlatformApp): string {
  return app === 'migrate'
    ? 'not in MigrateEnvSchema of apps/api/src/config.ts'
    : `not in apps/${app}/src/config.ts nor the packages/config shapes it uses`;
}

/**
 * Which process a container runs, from its command (`node --import tsx apps/<app>/src/…`);
 * apps/api/src/commands/migrate.ts is the migration command, with a configuration of its own.
 */
export function appOfCommand(command: readonly string[]): { app: PlatformApp; entry: string } | undefined {
  for (const part of command) {
    const m = /^(?:\.\/)?apps\/(api|worker|ingest)\/src\/[\w/.-]+\.ts$/.exec(part);
    if (!m) continue;
    const entry = part.replace(/^\.\//, '');
    return { app: entry === 'apps/api/src/commands/migrate.ts' ? 'migrate' : (m[1] as PlatformApp), entry };
  }
  return undefined;
}
