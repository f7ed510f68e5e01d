import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInfra } from './check-infra.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const infraDir = path.join(repoRoot, 'infra');
const copies: string[] = [];

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of infra/ with one file edited; fails the test when the edit does not apply. */
function brokenCopy(file: string, from: string | RegExp, to: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-check-'));
  copies.push(dir);
  cpSync(infraDir, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = before.replace(from, to);
  expect(after, `edit of ${file} applies`).not.toBe(before);
  writeFileSync(target, after);
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  const checked = await checkInfra({ infraDir: dir, repoRoot });
  return checked.flatMap((c) => c.problems.map((p) => `${c.label}: ${p}`));
}

// Each check compiles the manifests' types with TypeScript (a few seconds), several per test.
describe('npm run infra:check', { timeout: 120_000 }, () => {
  it('passes on the repository’s infra/, checking every manifest object', async () => {
    const checked = await checkInfra({ infraDir, repoRoot });
    expect(checked.flatMap((c) => c.problems.map((p) => `${c.label}: ${p}`))).toEqual([]);
    const labels = checked.map((c) => c.label);
    for (const expected of [
      'k8s/api.yaml Deployment/platform-api',
      'k8s/api.yaml HorizontalPodAutoscaler/platform-api',
      'k8s/worker-scaledobject.yaml ScaledObject/platform-worker',
      'k8s/worker-scaledobject.yaml TriggerAuthentication/platform-worker-postgres',
      'k8s/migrate-job.yaml Job/platform-migrate',
      'compose.yaml',
      'Dockerfile',
    ])
      expect(labels).toContain(expected);
  });

  it('reports a field of the wrong type (Kubernetes schema)', async () => {
    const dir = brokenCopy('k8s/ingest.yaml', 'replicas: 1', 'replicas: one');
    expect(await problemsOf(dir)).toContainEqual(expect.stringMatching(/Deployment\/platform-ingest: spec\.replicas: must be integer/));
  });

  it('reports a misspelt field, which the Kubernetes schemas themselves allow', async () => {
    const dir = brokenCopy('k8s/api.yaml', 'readinessProbe:', 'readinesProbe:');
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/Deployment\/platform-api: unknown field readinesProbe \(in IContainer\)/),
    );
  });

  it('reports an environment key no process reads (a typo), in a ConfigMap and in compose', async () => {
    const k8s = brokenCopy('k8s/configmap.yaml', "WORKER_CONCURRENCY: '1'", "WORKER_CONCURENCY: '1'");
    expect(await problemsOf(k8s)).toContainEqual(
      expect.stringMatching(/Deployment\/platform-worker: container worker: env WORKER_CONCURENCY is not read by the worker/),
    );
    const compose = brokenCopy('compose.yaml', 'LIVE_INGEST_PORT:', 'LIVE_INGEST_PROT:');
    expect(await problemsOf(compose)).toContainEqual(
      expect.stringMatching(/compose\.yaml: service ingest: environment LIVE_INGEST_PROT is not read/),
    );
  });

  it('reports a key read from the API config that the worker does not read', async () => {
    const dir = brokenCopy('k8s/configmap.yaml', 'WORK_DIR: /scratch', 'WORK_DIR: /scratch\n  TRUST_PROXY: "1"');
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/platform-worker: container worker: env TRUST_PROXY is not read by the worker/),
    );
  });

  it('reports a Service whose selector matches no Deployment', async () => {
    const dir = brokenCopy('k8s/ingest.yaml', /(name: platform-ingest-internal[\s\S]*?selector:[\s\S]*?component: )ingest/, '$1injest');
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/Service\/platform-ingest-internal: selector .* matches no Deployment/),
    );
  });

  it("reports an ingest probe on a path that needs the ingest's secret", async () => {
    const dir = brokenCopy('k8s/ingest.yaml', 'path: /health/live', 'path: /health');
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/Deployment\/platform-ingest: container ingest: livenessProbe path \/health: the ingest answers 403/),
    );
  });

  it('reports a KEDA trigger naming a queue that does not exist, and one of the wrong shape', async () => {
    const queue = brokenCopy('k8s/worker-scaledobject.yaml', "'media.photo'", "'media.thumbnail'");
    expect(await problemsOf(queue)).toContainEqual(
      expect.stringMatching(/ScaledObject\/platform-worker: triggers\[0\]: the query names queue 'media\.thumbnail'/),
    );
    const shape = brokenCopy('k8s/worker-scaledobject.yaml', "targetQueryValue: '1'", 'targetQueryValue: 1');
    expect(await problemsOf(shape)).toContainEqual(
      expect.stringMatching(/ScaledObject\/platform-worker: spec\.triggers\.0\.metadata\.targetQueryValue: must be string/),
    );
  });

  it('reports references to missing objects and keys, unknown probe paths and unlisted files', async () => {
    const key = brokenCopy('k8s/api.yaml', 'key: MEDIA_SIGNING_SECRET }', 'key: MEDIA_SECRET }');
    expect(await problemsOf(key)).toContainEqual(
      expect.stringMatching(
        /platform-api: container api: env MEDIA_SIGNING_SECRET reads key MEDIA_SECRET, which Secret "platform-secrets" does not have/,
      ),
    );
    const probe = brokenCopy('k8s/api.yaml', 'path: /api/health/ready', 'path: /api/healthz');
    expect(await problemsOf(probe)).toContainEqual(expect.stringMatching(/readinessProbe path \/api\/healthz is not a GET route/));
    const kustomization = brokenCopy('k8s/kustomization.yaml', '  - ingress.yaml\n', '');
    expect(await problemsOf(kustomization)).toContainEqual(expect.stringMatching(/Kustomization: resources does not list ingress\.yaml/));
  });

  it('reports a compose file that breaks the Compose Specification', async () => {
    const key = brokenCopy('compose.yaml', 'stop_grace_period: 35s', 'stop_grace_perod: 35s');
    expect(await problemsOf(key)).toContainEqual(
      expect.stringMatching(/compose\.yaml: Compose Specification: services\.api: must NOT have additional properties "stop_grace_perod"/),
    );
    const type = brokenCopy('compose.yaml', 'read_only: true', 'read_only: [yes]');
    expect(await problemsOf(type)).toContainEqual(
      expect.stringMatching(/compose\.yaml: Compose Specification: services\.\w+\.read_only: must be/),
    );
  });

  it('exits non-zero from the command line and names the problem', () => {
    const dir = brokenCopy('k8s/worker.yaml', 'terminationGracePeriodSeconds: 45', 'terminationGracePeriodSeconds: 20');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/infra-check.ts'), dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /FAIL {2}k8s\/worker\.yaml Deployment\/platform-worker\n\s+terminationGracePeriodSeconds 20 is below WORKER_STOP_GRACE_SECONDS \(30\) \+ 15/,
    );
  });
});
