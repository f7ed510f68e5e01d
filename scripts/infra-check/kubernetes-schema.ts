/**
 * Validation of Kubernetes objects against the Kubernetes OpenAPI schemas (kubernetes-models) and
 * KEDA's CRDs (@kubernetes-models/keda), offline: each model class carries its compiled schema.
 */

/** A manifest object as parsed from YAML. */
export type K8sObject = { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } & Record<
  string,
  unknown
>;

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** apiVersion → the module that exports its kinds. Core objects (v1) live at the package root's v1. */
export function modelModuleOf(apiVersion: string): string | undefined {
  if (apiVersion === 'v1') return 'kubernetes-models/v1';
  const [group, version] = apiVersion.split('/');
  if (!group || !version) return undefined;
  if (group === 'keda.sh' || group === 'eventing.keda.sh') return `@kubernetes-models/keda/${group}/${version}`;
  return `kubernetes-models/${group}/${version}`;
}

const loaded = new Map<string, Record<string, unknown> | null>();

async function modelOf(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const specifier = modelModuleOf(apiVersion);
  if (!specifier) return undefined;
  if (!loaded.has(specifier)) {
    loaded.set(
      specifier,
      await import(specifier).then(
        (m: Record<string, unknown>) => m,
        () => null,
      ),
    );
  }
  const model = loaded.get(specifier)?.[kind];
  return typeof model === 'function' ? (model as ModelClass) : undefined;
}

interface SchemaError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Problems of one object against its schema, as `field.path: message` (empty when valid). An
 * apiVersion/kind the libraries do not know is a problem too: a typo there is the commonest one.
 */
export async function schemaProblems(object: K8sObject): Promise<string[]> {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['apiVersion and kind must be strings'];
  const Model = await modelOf(apiVersion, kind);
  if (!Model) return [`no schema for ${apiVersion} ${kind} (kubernetes-models, @kubernetes-models/keda): check apiVersion and kind`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(errors)) return [(error as Error).message];
    return errors.map((e) => {
      const where = (e.instancePath ?? '').split('/').filter(Boolean).join('.') || '(root)';
      const extra = e.params && 'allowedValues' in e.params ? ` (${JSON.stringify(e.params.allowedValues)})` : '';
      return `${where}: ${e.message ?? 'invalid'}${extra}`;
    });
  }
}
