import { controlCharacterAt } from '@platform/contracts';
import { ValidationError, type FieldIssue } from '@platform/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Refuses a control character (NUL and the like; tab and line breaks pass) in any string or key of
 * a request's path params, query and JSON body: 400 FIELD_CONTROL_CHARACTER naming each field,
 * before validation and any handler. PostgreSQL stores no NUL in text or jsonb, so one that reached
 * a query, a filter or an audit row was a 500. Checking every request here covers every field any
 * route has or will have; the contract's single-line text also refuses line breaks.
 */
export const inputGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      const issues = [...badStrings(request.params), ...badStrings(request.query), ...badStrings(request.body)];
      if (issues.length) throw new ValidationError(issues);
    });
  },
  { name: 'input-guard' },
);

/**
 * The fields of `input` (a parsed JSON value) holding a control character, as dotted paths like
 * the schema's issues. Walked with an explicit stack: a body nested a hundred thousand levels deep
 * must not overflow the call stack. Streams and other non-JSON bodies (upload parts) are skipped.
 */
function badStrings(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string][] = [[input, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (controlCharacterAt(value, { lineBreaks: true }) >= 0)
        issues.push({ field: path || 'body', code: 'FIELD_CONTROL_CHARACTER', message: 'contains a control character' });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, path ? `${path}.${i}` : String(i)]));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (controlCharacterAt(key, { lineBreaks: false }) >= 0) {
          issues.push({ field: at, code: 'FIELD_CONTROL_CHARACTER', message: 'the name contains a control character' });
        } else stack.push([item, at]);
      }
    }
  }
  return issues.reverse();
}

/** A JSON object, or the query string's (whose prototype is an empty object without a prototype). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}
