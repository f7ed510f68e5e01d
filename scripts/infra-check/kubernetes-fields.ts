import path from 'node:path';
import ts from 'typescript';
import { modelModuleOf, type K8sObject } from './kubernetes-schema.ts';

// TypeScript's "Object literal may only specify known properties" (2353) and its "did you mean" form (2561).
let previousProgram: ts.Program | undefined;
const UNKNOWN_PROPERTY = new Set([2353, 2561]);

/**
 * Fields the Kubernetes (and KEDA) types do not have, such as `readinesProbe`: the OpenAPI
 * schemas allow unknown fields, so the JSON-schema validation never sees a misspelt one, while
 * the API server drops it (or refuses it under strict field validation). Each object is written
 * as an object literal typed by its kubernetes-models class into a module that exists only in
 * memory, and TypeScript's excess-property check names every unknown field.
 */
export function unknownFieldProblems(objects: { object: K8sObject; label: string }[], repoRoot: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const typed = objects.filter((o) => typeof o.object.apiVersion === 'string' && modelModuleOf(String(o.object.apiVersion)));
  if (!typed.length) return found;
  // Inside the repository, so that `kubernetes-models` resolves from its node_modules.
  const file = path.join(repoRoot, 'scripts', 'infra-check', '__manifests__.ts');
  const lines = typed.map(({ object }, i) => {
    // The constructor's data leaves out apiVersion and kind (the class sets them).
    const { apiVersion, kind, ...data } = object;
    return (
      `import { ${String(kind)} as M${i} } from '${modelModuleOf(String(apiVersion))}';\n` +
      `export const o${i}: ConstructorParameters<typeof M${i}>[0] = ${JSON.stringify(data)};`
    );
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  // The previous program's parsed library files are reused (several checks in one process, the spec).
  const program = ts.createProgram([file], options, host, previousProgram);
  previousProgram = program;
  for (const d of ts.getPreEmitDiagnostics(program, program.getSourceFile(file))) {
    if (d.file?.fileName !== file || d.start === undefined) continue;
    // Each object's literal is on line 2i+1 (after its import line).
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    const entry = typed[Math.floor(line / 2)];
    if (!entry) continue;
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const text = UNKNOWN_PROPERTY.has(d.code)
      ? message.replace(
          /^Object literal may only specify known properties,? (?:and|but) '"?([^'"]+)"?' does not exist in type '([^']+)'\.?/,
          'unknown field $1 (in $2).',
        )
      : // A missing class or module here means the schema check already said so.
        undefined;
    if (text) found.set(entry.label, [...(found.get(entry.label) ?? []), text]);
  }
  return found;
}
