import type { Findings } from './findings.ts';
import type { K8sObject } from './kubernetes-schema.ts';
import { appOfCommand, configSourceOf, RUNTIME_ENV_KEYS, type PlatformApp, type PlatformFacts } from './platform-facts.ts';

/** A parsed manifest object and where it came from. */
export interface Manifest {
  /** Path relative to infra/, e.g. `k8s/api.yaml`. */
  file: string;
  object: K8sObject;
  label: string;
}

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const nameOf = (o: K8sObject) => str(o.metadata?.name) ?? '';

/** Selector labels all present, with the same values, among a pod's labels. */
function selects(selector: Dict, labels: Dict): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

interface Workload {
  manifest: Manifest;
  podSpec: Dict;
  podLabels: Dict;
}

/** Cross-checks a schema cannot do, between the objects of infra/k8s and against the platform's sources. */
export function checkKubernetesReferences(manifests: Manifest[], facts: PlatformFacts, findings: Findings): void {
  const of = (kind: string) => manifests.filter((m) => m.object.kind === kind);
  const configMaps = new Map(of('ConfigMap').map((m) => [nameOf(m.object), dict(m.object.data)]));
  const secrets = new Map(of('Secret').map((m) => [nameOf(m.object), { ...dict(m.object.data), ...dict(m.object.stringData) }]));
  const workloads: Workload[] = [...of('Deployment'), ...of('StatefulSet'), ...of('DaemonSet'), ...of('Job')].map((manifest) => {
    const template = dict(dict(manifest.object.spec).template);
    return { manifest, podSpec: dict(template.spec), podLabels: dict(dict(template.metadata).labels) };
  });
  const deployments = new Map(workloads.filter((w) => w.manifest.object.kind === 'Deployment').map((w) => [nameOf(w.manifest.object), w]));

  const namespaces = of('Namespace').map((m) => nameOf(m.object));
  for (const m of manifests) {
    const ns = str(m.object.metadata?.namespace);
    if (m.object.kind !== 'Namespace' && namespaces.length && ns && !namespaces.includes(ns))
      findings.problem(m.label, `metadata.namespace "${ns}" is not a Namespace defined in infra/k8s (${namespaces.join(', ')})`);
  }

  for (const w of workloads) checkWorkload(w, { configMaps, secrets, facts, findings });

  for (const m of of('Deployment')) {
    const matchLabels = dict(dict(dict(m.object.spec).selector).matchLabels);
    if (!selects(matchLabels, deployments.get(nameOf(m.object))!.podLabels))
      findings.problem(m.label, `spec.selector.matchLabels ${JSON.stringify(matchLabels)} does not match the pod template's labels`);
  }

  for (const m of of('Service')) {
    const selector = dict(dict(m.object.spec).selector);
    const targets = workloads.filter((w) => w.manifest.object.kind !== 'Job' && selects(selector, w.podLabels));
    if (!targets.length) {
      findings.problem(m.label, `selector ${JSON.stringify(selector)} matches no Deployment's pod labels`);
      continue;
    }
    for (const port of list(dict(m.object.spec).ports).map(dict)) {
      const target = port.targetPort ?? port.port;
      if (!targets.some((w) => containerPorts(w.podSpec).has(String(target))))
        findings.problem(
          m.label,
          `targetPort ${JSON.stringify(target)} is no container port of ${targets.map((w) => nameOf(w.manifest.object)).join(', ')}`,
        );
    }
  }

  for (const m of of('PodDisruptionBudget')) {
    const matchLabels = dict(dict(dict(m.object.spec).selector).matchLabels);
    if (![...deployments.values()].some((w) => selects(matchLabels, w.podLabels)))
      findings.problem(m.label, `selector ${JSON.stringify(matchLabels)} matches no Deployment's pod labels`);
  }

  for (const m of of('NetworkPolicy')) {
    const spec = dict(m.object.spec);
    const matchLabels = dict(dict(spec.podSelector).matchLabels);
    const targets = [...deployments.values()].filter((w) => selects(matchLabels, w.podLabels));
    if (!targets.length) findings.problem(m.label, `podSelector ${JSON.stringify(matchLabels)} matches no Deployment's pod labels`);
    for (const rule of list(spec.ingress).map(dict)) {
      for (const peer of list(rule.from).map(dict)) {
        const peerLabels = dict(dict(peer.podSelector).matchLabels);
        if (peer.podSelector && !peer.namespaceSelector && ![...deployments.values()].some((w) => selects(peerLabels, w.podLabels)))
          findings.problem(m.label, `from podSelector ${JSON.stringify(peerLabels)} matches no Deployment's pod labels`);
      }
      for (const port of list(rule.ports).map(dict))
        if (targets.length && !targets.some((w) => containerPorts(w.podSpec).has(String(port.port))))
          findings.problem(m.label, `port ${JSON.stringify(port.port)} is no container port of the selected pods`);
    }
  }

  const services = new Map(of('Service').map((m) => [nameOf(m.object), m]));
  for (const m of of('Ingress')) {
    for (const rule of list(dict(m.object.spec).rules).map(dict)) {
      for (const p of list(dict(rule.http).paths).map(dict)) {
        const backend = dict(dict(p.backend).service);
        const service = services.get(str(backend.name) ?? '');
        const port = dict(backend.port);
        const wanted = port.name ?? port.number;
        if (!service)
          findings.problem(m.label, `path ${String(p.path)}: backend Service "${String(backend.name)}" is not defined in infra/k8s`);
        else if (!list(dict(service.object.spec).ports).some((sp) => dict(sp).name === wanted || dict(sp).port === wanted))
          findings.problem(m.label, `path ${String(p.path)}: Service ${String(backend.name)} has no port ${JSON.stringify(wanted)}`);
      }
    }
  }

  const scaledTargets = new Set<string>();
  for (const m of of('ScaledObject')) checkScaledObject(m, { deployments, configMaps, manifests, facts, findings, scaledTargets });
  for (const m of of('HorizontalPodAutoscaler')) {
    const ref = dict(dict(m.object.spec).scaleTargetRef);
    if (ref.kind !== 'Deployment' || !deployments.has(str(ref.name) ?? ''))
      findings.problem(m.label, `scaleTargetRef ${String(ref.kind)}/${String(ref.name)} is not a Deployment defined in infra/k8s`);
    if (scaledTargets.has(str(ref.name) ?? ''))
      findings.problem(m.label, `Deployment ${String(ref.name)} is also scaled by a KEDA ScaledObject`);
  }
  for (const m of of('TriggerAuthentication')) {
    for (const ref of list(dict(m.object.spec).secretTargetRef).map(dict)) {
      const secret = secrets.get(str(ref.name) ?? '');
      if (!secret) findings.problem(m.label, `secretTargetRef names Secret "${String(ref.name)}", not defined in infra/k8s`);
      else if (!(String(ref.key) in secret))
        findings.problem(m.label, `secretTargetRef: Secret ${String(ref.name)} has no key ${String(ref.key)}`);
    }
  }
}

function containerPorts(podSpec: Dict): Set<string> {
  const ports = new Set<string>();
  for (const c of list(podSpec.containers).map(dict))
    for (const p of list(c.ports).map(dict)) {
      if (p.name) ports.add(String(p.name));
      ports.add(String(p.containerPort));
    }
  return ports;
}

interface WorkloadContext {
  configMaps: Map<string, Dict>;
  secrets: Map<string, Dict>;
  facts: PlatformFacts;
  findings: Findings;
}

// Each process's listening port when its key is unset (the defaults of its config).
const LISTEN_PORT: Partial<Record<PlatformApp, { key: string; fallback: string }>> = {
  api: { key: 'PORT', fallback: '3000' },
  worker: { key: 'WORKER_HTTP_PORT', fallback: '9465' },
  ingest: { key: 'LIVE_INGEST_PORT', fallback: '8936' },
};

function checkWorkload({ manifest, podSpec }: Workload, { configMaps, secrets, facts, findings }: WorkloadContext): void {
  const problem = (message: string) => findings.problem(manifest.label, message);
  for (const c of list(podSpec.containers).map(dict)) {
    const where = `container ${String(c.name)}`;
    const env = new Map<string, string | undefined>();
    for (const from of list(c.envFrom).map(dict)) {
      const cm = str(dict(from.configMapRef).name);
      const secret = str(dict(from.secretRef).name);
      const source = cm ? configMaps.get(cm) : secret ? secrets.get(secret) : undefined;
      if (!source) problem(`${where}: envFrom names ${cm ? `ConfigMap "${cm}"` : `Secret "${secret}"`}, not defined in infra/k8s`);
      for (const [key, value] of Object.entries(source ?? {})) env.set(`${str(from.prefix) ?? ''}${key}`, cm ? str(value) : undefined);
    }
    for (const e of list(c.env).map(dict)) {
      const name = String(e.name);
      const from = dict(e.valueFrom);
      const ref = from.secretKeyRef ? dict(from.secretKeyRef) : from.configMapKeyRef ? dict(from.configMapKeyRef) : undefined;
      if (ref) {
        const isSecret = Boolean(from.secretKeyRef);
        const source = (isSecret ? secrets : configMaps).get(str(ref.name) ?? '');
        const what = `${isSecret ? 'Secret' : 'ConfigMap'} "${String(ref.name)}"`;
        if (!source) problem(`${where}: env ${name} reads ${what}, not defined in infra/k8s`);
        else if (!(String(ref.key) in source)) problem(`${where}: env ${name} reads key ${String(ref.key)}, which ${what} does not have`);
      }
      env.set(
        name,
        str(e.value) ??
          (from.configMapKeyRef
            ? str(configMaps.get(str(dict(from.configMapKeyRef).name) ?? '')?.[String(dict(from.configMapKeyRef).key)])
            : undefined),
      );
    }

    const command = [...list(c.command), ...list(c.args)].map(String);
    const run = appOfCommand(command);
    if (!run) {
      if (String(c.image).includes('binhai-platform')) problem(`${where}: its command names no apps/<api|worker|ingest>/src/*.ts entry`);
      continue;
    }
    if (!facts.fileExists(run.entry)) problem(`${where}: command runs ${run.entry}, which does not exist`);
    for (const key of env.keys())
      if (!facts.envKeys[run.app].has(key) && !RUNTIME_ENV_KEYS.has(key))
        problem(`${where}: env ${key} is not read by the ${run.app} (${configSourceOf(run.app)})`);

    const listening = LISTEN_PORT[run.app];
    const listen = listening && (env.get(listening.key) ?? listening.fallback);
    const ports = list(c.ports).map(dict);
    for (const kind of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      const probe = dict(c[kind]);
      const http = probe.httpGet ? dict(probe.httpGet) : undefined;
      const tcp = probe.tcpSocket ? dict(probe.tcpSocket) : undefined;
      const target = http ?? tcp;
      if (!target) continue;
      const port = ports.find((p) => p.name === target.port || p.containerPort === target.port);
      if (!port) {
        problem(`${where}: ${kind} port ${JSON.stringify(target.port)} is not a port of the container`);
        continue;
      }
      if (!http) continue;
      const path = String(http.path);
      if (run.app === 'ingest' && path !== '/health/live')
        problem(`${where}: ${kind} path ${path}: the ingest answers 403 without LIVE_INGEST_SECRET except on /health/live`);
      else if (run.app === 'api' && !facts.apiGetPaths.has(path))
        problem(`${where}: ${kind} path ${path} is not a GET route of packages/contracts/src/endpoints.ts`);
      else if (run.app === 'worker' && (!facts.workerPaths.has(path) || path === '/metrics'))
        problem(`${where}: ${kind} path ${path} is not one of the worker's /health/live, /health/ready`);
      if (listening && String(port.containerPort) !== listen)
        problem(`${where}: ${kind} probes port ${String(port.containerPort)}, but the ${run.app} listens on ${listen} (${listening.key})`);
      if (run.app === 'worker' && !['0.0.0.0', '::'].includes(env.get('WORKER_HTTP_HOST') ?? '127.0.0.1'))
        problem(`${where}: ${kind} reaches the pod's address, but WORKER_HTTP_HOST is not 0.0.0.0 (default 127.0.0.1)`);
    }

    const grace = Number(podSpec.terminationGracePeriodSeconds ?? 30);
    const drain = Number(env.get('SHUTDOWN_DRAIN_SECONDS') ?? 0);
    const stopGrace = Number(env.get('WORKER_STOP_GRACE_SECONDS') ?? (run.app === 'worker' ? 30 : 0));
    if (run.app === 'api' && manifest.object.kind === 'Deployment' && grace < drain + 30)
      problem(`terminationGracePeriodSeconds ${grace} is below SHUTDOWN_DRAIN_SECONDS (${drain}) + 30`);
    if (run.app === 'worker' && grace < stopGrace + 15)
      problem(
        `terminationGracePeriodSeconds ${grace} is below WORKER_STOP_GRACE_SECONDS (${stopGrace}) + 15: running jobs would be killed, not handed back`,
      );
  }
}

interface ScaledContext {
  deployments: Map<string, Workload>;
  configMaps: Map<string, Dict>;
  manifests: Manifest[];
  facts: PlatformFacts;
  findings: Findings;
  scaledTargets: Set<string>;
}

function checkScaledObject(m: Manifest, { deployments, configMaps, manifests, facts, findings, scaledTargets }: ScaledContext): void {
  const problem = (message: string) => findings.problem(m.label, message);
  const spec = dict(m.object.spec);
  const ref = dict(spec.scaleTargetRef);
  const target = deployments.get(str(ref.name) ?? '');
  if ((ref.kind ?? 'Deployment') !== 'Deployment' || !target)
    problem(`scaleTargetRef ${String(ref.kind ?? 'Deployment')}/${String(ref.name)} is not a Deployment defined in infra/k8s`);
  else scaledTargets.add(String(ref.name));
  // Jobs per worker: what one pod takes at once, from its ConfigMaps.
  const concurrency = target
    ? list(dict(list(target.podSpec.containers)[0]).envFrom)
        .map((f) => configMaps.get(str(dict(dict(f).configMapRef).name) ?? '')?.WORKER_CONCURRENCY)
        .find((v) => v !== undefined)
    : undefined;
  for (const [i, trigger] of list(spec.triggers).map(dict).entries()) {
    const where = `triggers[${i}]`;
    if (trigger.type !== 'postgresql') continue;
    const meta = dict(trigger.metadata);
    const query = str(meta.query) ?? '';
    if (!/\bpgboss\.job\b/.test(query)) problem(`${where}: the query does not read pg-boss's job table (pgboss.job)`);
    if (!/\bstate\b/.test(query)) problem(`${where}: the query does not filter on the job state`);
    const named = [...query.matchAll(/'([a-z][a-z-]*(?:\.[a-z-]+)+)'/g)].map((q) => q[1]!);
    if (!named.length) problem(`${where}: the query names no queue`);
    for (const queue of named)
      if (!facts.queues.has(queue))
        problem(`${where}: the query names queue '${queue}', which packages/jobs/src/queues.ts does not define`);
    const value = Number(meta.targetQueryValue);
    if (!(value > 0))
      problem(`${where}: targetQueryValue ${JSON.stringify(meta.targetQueryValue)} must be a positive number (jobs per worker)`);
    else if (concurrency !== undefined && value !== Number(concurrency))
      problem(`${where}: targetQueryValue ${value} is not the worker's WORKER_CONCURRENCY (${String(concurrency)}): jobs per worker`);
    if (meta.activationTargetQueryValue !== undefined && !(Number(meta.activationTargetQueryValue) >= 0))
      problem(`${where}: activationTargetQueryValue must be a number ≥ 0`);
    const auth = str(dict(trigger.authenticationRef).name);
    const hasConnection = auth || meta.connectionFromEnv || meta.host;
    if (!hasConnection) problem(`${where}: no connection (authenticationRef, connectionFromEnv or host)`);
    if (auth && !manifests.some((o) => o.object.kind === 'TriggerAuthentication' && nameOf(o.object) === auth))
      problem(`${where}: authenticationRef names TriggerAuthentication "${auth}", not defined in infra/k8s`);
  }
}
