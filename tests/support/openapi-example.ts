/** A JSON Schema as the OpenAPI document gives it; only the keywords the example builder reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface ExampleOptions {
  /** Resolves `#/components/schemas/X`. */
  components: Record<string, JsonSchema>;
  /** The value for a property by name (e.g. `teamId` → another tenant's team); undefined falls back to the schema. */
  valueFor(property: string): unknown;
  /** Today as YYYY-MM-DD, for date fields. */
  today: string;
}

/**
 * A minimal value that satisfies `schema`: required properties only, the first enum member,
 * the smallest allowed number, plausible strings for known formats. Ids come from `valueFor`,
 * so a request built from it reaches the authorisation check instead of failing validation.
 */
export function exampleOf(schema: JsonSchema, options: ExampleOptions, property = ''): unknown {
  const resolved = resolve(schema, options.components);
  const chosen = property ? options.valueFor(property) : undefined;
  if (chosen !== undefined) return isArray(resolved) && !Array.isArray(chosen) ? [chosen] : chosen;
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum?.length) return resolved.enum[0];
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants?.length) {
    const nonNull = variants.find((v) => resolve(v, options.components).type !== 'null') ?? variants[0]!;
    return exampleOf(nonNull, options, property);
  }
  if (resolved.allOf?.length) return Object.assign({}, ...resolved.allOf.map((part) => exampleOf(part, options)));
  const type = Array.isArray(resolved.type) ? resolved.type.find((t) => t !== 'null') : resolved.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((resolved.required ?? []).map((key) => [key, exampleOf(resolved.properties?.[key] ?? {}, options, key)]));
    case 'array':
      return Array.from({ length: Math.max(resolved.minItems ?? 0, 1) }, () =>
        exampleOf(resolved.items ?? {}, options, singular(property)),
      );
    case 'integer':
    case 'number':
      return Math.max(resolved.minimum ?? 1, (resolved.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return stringFor(resolved, options.today);
  }
}

function stringFor(schema: JsonSchema, today: string): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000001';
    case 'date':
      return today;
    case 'date-time':
      return `${today}T07:30:00+08:00`;
    case 'email':
      return 'walk@example.com';
  }
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return today;
  return '巡检'.padEnd(Math.max(schema.minLength ?? 1, 2), '检');
}

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  let current = schema;
  while (current.$ref) current = components[current.$ref.replace('#/components/schemas/', '')] ?? {};
  return current;
}

function isArray(schema: JsonSchema): boolean {
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}

/** `teamIds` → `teamId`, `mediaIds` → `mediaId`, so array items get the same id mapping. */
function singular(property: string): string {
  return property.endsWith('Ids') ? property.slice(0, -1) : property;
}
