import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Findings } from './findings.ts';
import { appOfCommand, type PlatformFacts } from './platform-facts.ts';

/**
 * infra/Dockerfile: every stage that runs `npm ci` first copies every workspace's package.json
 * (npm ci refuses a lockfile whose workspaces are missing), the default command's entry exists,
 * and the image runs as a non-root user in production mode.
 */
export function checkDockerfile(text: string, facts: PlatformFacts, findings: Findings, label: string): void {
  findings.checked(label);
  const problem = (message: string) => findings.problem(label, message);
  const stages = text.split(/^FROM\s/m).slice(1);
  for (const stage of stages) {
    const install = stage.search(/^RUN npm ci\b/m);
    if (install < 0) continue;
    const name = /^\S+(?:\s+AS\s+(\S+))?/i.exec(stage)?.[1] ?? '(unnamed)';
    const copied = new Set([...stage.slice(0, install).matchAll(/^COPY\s+(\S+)\/package\.json\s/gm)].map((m) => m[1]!));
    for (const ws of facts.workspaces) if (!copied.has(ws)) problem(`stage ${name}: ${ws}/package.json is not copied before npm ci`);
    for (const ws of copied) if (!facts.workspaces.includes(ws)) problem(`stage ${name}: copies ${ws}/package.json, which is no workspace`);
  }
  const runtime = stages.at(-1) ?? '';
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(runtime);
  const run = cmd ? appOfCommand(JSON.parse(cmd[1]!) as string[]) : undefined;
  if (!run) problem('the last stage has no CMD running apps/<app>/src/*.ts');
  else if (!facts.fileExists(run.entry)) problem(`CMD runs ${run.entry}, which does not exist`);
  const user = [...runtime.matchAll(/^USER\s+(\S+)/gm)].at(-1)?.[1];
  if (!user || /^(root|0)(:|$)/.test(user)) problem('the runtime stage must end with a non-root USER');
  if (!/NODE_ENV=production/.test(runtime)) problem('the runtime stage must set NODE_ENV=production');
}

// Directives the compose proxy relies on, by location: what each must contain.
const NGINX_RULES: { what: string; block: RegExp; needs: RegExp[] }[] = [
  {
    what: 'location = /api/events',
    block: /location = \/api\/events \{([^}]*)\}/,
    needs: [/proxy_buffering off;/, /proxy_read_timeout\s+\S+;/],
  },
  { what: 'the stream.flv location', block: /location ~ [^{]*stream\\\.flv\$ \{([^}]*)\}/, needs: [/proxy_buffering off;/] },
  { what: 'location = /metrics', block: /location = \/metrics \{([^}]*)\}/, needs: [/return 40[34];|deny all;/] },
];

/**
 * infra/nginx/nginx.conf: the body limit covers an upload part, SSE and HTTP-FLV are unbuffered,
 * /metrics stays inside, request ids are passed; then, where an nginx binary exists, `nginx -t`.
 */
export function checkNginx(text: string, uploadPartMb: number, findings: Findings, label: string): void {
  findings.checked(label);
  const problem = (message: string) => findings.problem(label, message);
  const size = /client_max_body_size\s+(\d+)([kKmMgG]?);/.exec(text);
  const bytes = size ? Number(size[1]) * ({ k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[size[2]!.toLowerCase()] ?? 1) : 0;
  if (bytes < uploadPartMb * 1024 ** 2)
    problem(`client_max_body_size (${size ? size[0] : 'unset'}) is below UPLOAD_PART_MB (${uploadPartMb} MB)`);
  for (const rule of NGINX_RULES) {
    const block = rule.block.exec(text)?.[1];
    if (block === undefined) problem(`${rule.what} is missing`);
    else for (const need of rule.needs) if (!need.test(block)) problem(`${rule.what} lacks ${need.source.replace(/\\/g, '')}`);
  }
  if (!/proxy_set_header X-Request-Id \$request_id;/.test(text)) problem('X-Request-Id is not passed to the API ($request_id)');
  const result = nginxSyntaxTest(text);
  if (result.ran) findings.checked(`${label} (nginx -t, ${result.version})`).problems.push(...result.problems);
}

/**
 * `nginx -t` on a copy: the container's paths (resolver include, mime types) replaced by local
 * ones, no `user` (the test may run as anyone) and, before nginx 1.27.3, no `resolve` parameter.
 */
function nginxSyntaxTest(text: string): { ran: boolean; version?: string; problems: string[] } {
  const version = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return { ran: false, problems: [] };
  const v = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(version.stderr)?.slice(1).map(Number) ?? [0, 0, 0];
  const hasResolve = v[0]! > 1 || (v[0] === 1 && (v[1]! > 27 || (v[1] === 27 && v[2]! >= 3)));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-check-nginx-'));
  try {
    writeFileSync(path.join(dir, 'resolver.conf'), 'resolver 127.0.0.1 valid=10s ipv6=off;\n');
    let conf = text
      .replace(/^user\s+[^;]+;/m, '')
      .replace('/etc/nginx/conf.d/resolver.conf', path.join(dir, 'resolver.conf'))
      .replace(/^(\s*)error_log\s+[^;]+;/m, `$1error_log ${path.join(dir, 'error.log')};`)
      .replace(/^(\s*access_log\s+)\/dev\/std(?:out|err)/gm, `$1${path.join(dir, 'access.log')}`)
      .replace(/^(events \{)/m, `pid ${path.join(dir, 'nginx.pid')};\n$1`);
    // Without `resolve`, nginx resolves upstream names at start: point them at the loopback.
    if (!hasResolve) conf = conf.replace(/server [^\s:]+:(\d+) resolve;/g, 'server 127.0.0.1:$1;');
    if (!existsSync('/etc/nginx/mime.types')) {
      writeFileSync(path.join(dir, 'mime.types'), 'types {}\n');
      conf = conf.replace('/etc/nginx/mime.types', path.join(dir, 'mime.types'));
    }
    writeFileSync(path.join(dir, 'nginx.conf'), conf);
    const test = spawnSync('nginx', ['-t', '-q', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')], {
      encoding: 'utf8',
    });
    const output = `${test.stdout}${test.stderr}`.trim();
    return { ran: true, version: version.stderr.trim(), problems: test.status === 0 ? [] : [`nginx -t failed: ${output}`] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
