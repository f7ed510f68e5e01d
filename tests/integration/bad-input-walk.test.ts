// Walks every operation of the OpenAPI document and sends, one field at a time, a NUL byte in each
// string of its path, query and JSON body, and an impossible date in each date field. Every such
// request must be a 400 naming the field: never a 500, whatever route is added later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOf, type JsonSchema } from '../support/openapi-example.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** A leaf of a body schema: where it is and what it is. */
interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

const ANY_ID = '00000000-0000-4000-8000-000000000001';
const TODAY = new Date().toISOString().slice(0, 10);
const NUL = 'a\u0000b';
const IMPOSSIBLE_DAYS = ['2026-02-30', '9999-99-99'];
// These operations never answer (a stream) or take raw bytes, not JSON.
const SKIPPED = new Set(['streamEvents']);

let t: TestApp;
let cookie: string;
let operations: Operation[];
let components: Record<string, JsonSchema>;

beforeAll(async () => {
  t = await createTestApp();
  // The system administrator reaches validation on every route; a role check comes after it.
  cookie = await t.login('admin');
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  components = doc.components?.schemas ?? {};
  operations = Object.entries(doc.paths as Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );
});
afterAll(() => t?.close());

function resolve(schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref) current = components[current.$ref.replace('#/components/schemas/', '')] ?? {};
  const variants = current.anyOf ?? current.oneOf;
  if (variants?.length) return resolve(variants.find((v) => resolve(v).type !== 'null') ?? variants[0]!);
  return current;
}

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type);
const isDate = (schema: JsonSchema) =>
  schema.format === 'date' || schema.format === 'date-time' || schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$';

/** Every string leaf of a schema, optional ones included, arrays entered at their first item. */
function leavesOf(schema: JsonSchema, path: (string | number)[] = [], depth = 0): Leaf[] {
  const resolved = resolve(schema);
  if (depth > 6) return [];
  switch (typeOf(resolved)) {
    case 'object':
      return Object.entries(resolved.properties ?? {}).flatMap(([key, property]) => leavesOf(property, [...path, key], depth + 1));
    case 'array':
      return leavesOf(resolved.items ?? {}, [...path, 0], depth + 1);
    case 'string':
      return resolved.enum ? [] : [{ path, schema: resolved }];
    default:
      return [];
  }
}

function example(schema: JsonSchema): unknown {
  return exampleOf(schema, { components, valueFor: (name) => (/Ids?$/.test(name) ? ANY_ID : undefined), today: TODAY });
}

/** The body's example with `value` put at `path`, creating what lies on the way. */
function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string | number, unknown>;
  let node = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return copy;
}

function fillPath(path: string, bad?: { name: string; value: string }): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (bad?.name === name) return encodeURIComponent(bad.value);
    if (name === 'partNumber') return '1';
    if (name === 'token') return 'AAAAAAAAAA.BBBB';
    if (name === '*') return 'master.m3u8';
    return ANY_ID;
  });
}

function requiredQuery(op: Operation, except: string): Record<string, string> {
  return Object.fromEntries(
    (op.parameters ?? [])
      .filter((p) => p.in === 'query' && p.required && p.name !== except)
      .map((p) => [p.name, String(example(p.schema ?? {}))]),
  );
}

interface Probe {
  what: string;
  field: string;
  method: string;
  url: string;
  body?: unknown;
}

/** One request per string input of every operation: `value(schema)` says what to put in, or null to leave it. */
function probes(value: (schema: JsonSchema) => string | null): Probe[] {
  const all: Probe[] = [];
  for (const op of operations.filter((o) => !SKIPPED.has(o.operationId))) {
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const body = bodySchema ? example(bodySchema) : undefined;
    for (const param of op.parameters ?? []) {
      const schema = resolve(param.schema ?? {});
      const bad = typeOf(schema) === 'string' && !schema.enum ? value(schema) : null;
      if (bad === null) continue;
      if (param.in === 'path') {
        all.push({
          what: op.operationId,
          field: param.name,
          method: op.method,
          url: fillPath(op.path, { name: param.name, value: bad }),
          body,
        });
      } else if (param.in === 'query') {
        const query = new URLSearchParams({ ...requiredQuery(op, param.name), [param.name]: bad });
        all.push({ what: op.operationId, field: param.name, method: op.method, url: `${fillPath(op.path)}?${query}`, body });
      }
    }
    for (const leaf of bodySchema ? leavesOf(bodySchema) : []) {
      const bad = value(leaf.schema);
      if (bad === null) continue;
      all.push({
        what: op.operationId,
        field: leaf.path.join('.'),
        method: op.method,
        url: fillPath(op.path),
        body: withValue(body, leaf.path, bad),
      });
    }
  }
  return all;
}

async function send(probe: Probe) {
  return t.app.inject({
    method: probe.method as 'GET',
    url: probe.url,
    headers: { cookie },
    ...(probe.body === undefined ? {} : { payload: probe.body as object }),
  });
}

/** What went wrong with each probe that was not a 400 naming its field. */
async function failuresOf(all: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  for (const probe of all) {
    const res = await send(probe);
    const fields = ((res.json().error?.details ?? []) as { field: string }[]).map((d) => d.field);
    if (res.statusCode !== 400 || !fields.includes(probe.field))
      failures.push(`${probe.what} ${probe.field}: ${res.statusCode} ${res.body.slice(0, 160)}`);
  }
  return failures;
}

describe('bad input on every OpenAPI operation', () => {
  it('answers a NUL byte in any string of a path, query or body with 400 naming the field', async () => {
    const all = probes(() => NUL);
    // The walk reaches the API's text: names, notes, file names, search and audit filters.
    expect(all.length).toBeGreaterThan(60);
    for (const field of ['q', 'fileName', 'notes', 'name', 'actor', 'username']) expect(all.map((p) => p.field)).toContain(field);
    expect(await failuresOf(all)).toEqual([]);
  });

  it('answers impossible dates in any date of a query or body with 400 naming the field', async () => {
    for (const day of IMPOSSIBLE_DAYS) {
      const all = probes((schema) => (isDate(schema) ? (schema.format === 'date-time' ? `${day}T07:30:00+08:00` : day) : null));
      expect(all.map((p) => p.field)).toEqual(expect.arrayContaining(['meetingDate', 'startedAt', 'from', 'date']));
      expect(await failuresOf(all)).toEqual([]);
    }
  });

  it('refuses a line break in single-line text but keeps it in multi-line notes', async () => {
    const industry = await t.platform.prisma.industry.findFirstOrThrow();
    const zone = await t.platform.prisma.zone.findFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { cookie },
      payload: {
        name: '换行\n化工',
        creditCode: '91350100M000100Y43',
        zoneId: zone.id,
        industryId: industry.id,
        riskLevel: 'ORANGE',
        address: '海滨大道1号',
        contactName: '赵测试',
        contactPhone: '022-25551234',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'name', code: 'FIELD_CONTROL_CHARACTER' })]);
  });
});
