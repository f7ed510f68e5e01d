import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkCompose } from './compose-checks.ts';
import { checkDockerfile, checkNginx } from './file-checks.ts';
import { Findings, type Checked } from './findings.ts';
import { checkKubernetesReferences, type Manifest } from './kubernetes-checks.ts';
import { unknownFieldProblems } from './kubernetes-fields.ts';
import { schemaProblems, type K8sObject } from './kubernetes-schema.ts';
import { readPlatformFacts } from './platform-facts.ts';

export interface InfraCheckOptions {
  /** The folder holding compose.yaml, Dockerfile, nginx/ and k8s/ (the repository's infra/). */
  infraDir: string;
  /** The repository whose sources the manifests are checked against (config keys, routes, queues). */
  repoRoot: string;
}

// Files of infra/k8s that are applied on their own, never by `kubectl apply -k`: templates with
// placeholders (*.example.yaml) and the migration Job, run and awaited before each rollout.
const applyApart = (file: string, manifests: Manifest[]) =>
  file.endsWith('.example.yaml') || manifests.some((m) => m.file === `k8s/${file}` && m.object.kind === 'Job');

/**
 * Validates every YAML file of `infraDir` (Kubernetes objects against the Kubernetes and KEDA
 * schemas, compose.yaml against the Compose Specification), then what no schema can: references
 * between objects, environment keys against the platform's config schemas, probe paths against
 * routes, KEDA's query against the queues, the kustomization's file list, the Dockerfile and nginx.
 */
export async function checkInfra({ infraDir, repoRoot }: InfraCheckOptions): Promise<Checked[]> {
  const findings = new Findings();
  const facts = readPlatformFacts(repoRoot);
  const yamlFiles = listYaml(infraDir);
  const manifests: Manifest[] = [];
  let kustomization: { file: string; doc: Record<string, unknown> } | undefined;
  let compose: unknown;

  for (const file of yamlFiles) {
    const docs = parseAllDocuments(readFileSync(path.join(infraDir, file), 'utf8'), { merge: true });
    for (const [i, doc] of docs.entries()) {
      if (doc.errors.length) {
        findings.problem(`${file}`, `YAML document ${i + 1}: ${doc.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
      if (value === null || value === undefined) continue; // a file (or document) of comments only
      if (file === 'compose.yaml') compose = value;
      else if (path.basename(file) === 'kustomization.yaml') kustomization = { file, doc: value as Record<string, unknown> };
      else if (file.startsWith('k8s/')) {
        const object = value as K8sObject;
        const label = `${file} ${String(object.kind)}/${String(object.metadata?.name ?? '?')}`;
        manifests.push({ file, object, label });
        findings.checked(label).problems.push(...(await schemaProblems(object)));
      } else findings.checked(`${file} (YAML syntax only)`); // e.g. a monitoring config: parsed, no schema known
    }
  }

  for (const [label, problems] of unknownFieldProblems(manifests, repoRoot)) for (const p of problems) findings.problem(label, p);
  checkKubernetesReferences(manifests, facts, findings);

  if (kustomization) {
    const label = `${kustomization.file} Kustomization`;
    findings.checked(label);
    const listed = Array.isArray(kustomization.doc.resources) ? kustomization.doc.resources.map(String) : [];
    const dir = path.dirname(kustomization.file);
    for (const file of listed)
      if (!existsSync(path.join(infraDir, dir, file))) findings.problem(label, `resources lists ${file}, which does not exist`);
    for (const file of yamlFiles.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1))) {
      if (file === 'kustomization.yaml') continue;
      const apart = applyApart(file, manifests);
      if (apart && listed.includes(file))
        findings.problem(label, `resources lists ${file}, which is applied on its own (a template or the migration Job)`);
      if (!apart && !listed.includes(file)) findings.problem(label, `resources does not list ${file}`);
    }
  } else if (manifests.length) findings.problem('k8s/kustomization.yaml', 'missing: it must list every manifest');

  let uploadPartMb = 8;
  if (compose !== undefined) {
    const envExample = path.join(infraDir, 'compose.env.example');
    const doc = checkCompose(compose, {
      infraDir,
      envExample: existsSync(envExample) ? readFileSync(envExample, 'utf8') : undefined,
      facts,
      findings,
      label: 'compose.yaml',
    });
    const api = (doc.services as Record<string, { environment?: Record<string, unknown> }> | undefined)?.api;
    uploadPartMb = Number(api?.environment?.UPLOAD_PART_MB ?? uploadPartMb);
  } else findings.problem('compose.yaml', 'missing');

  const dockerfile = path.join(infraDir, 'Dockerfile');
  if (existsSync(dockerfile)) checkDockerfile(readFileSync(dockerfile, 'utf8'), facts, findings, 'Dockerfile');
  else findings.problem('Dockerfile', 'missing');
  const nginx = path.join(infraDir, 'nginx', 'nginx.conf');
  if (existsSync(nginx)) checkNginx(readFileSync(nginx, 'utf8'), uploadPartMb, findings, 'nginx/nginx.conf');

  return findings.all();
}

function listYaml(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listYaml(dir, relative);
      return /\.ya?ml$/.test(entry.name) ? [relative] : [];
    })
    .sort();
}
