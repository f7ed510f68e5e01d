import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { QUEUES } from '../../../packages/jobs/src/queues.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// Where audit rows are written: the services and the API's plugins and routes.
const SOURCES = ['packages/core/src', 'apps/api/src'];
// A quoted dotted name of the audit's objects, e.g. 'auth.mfa.verify' or 'user.update'; not an
// event's `type: 'meeting.reported'`.
const ACTION_LITERAL = /(?<!type: )'((?:auth|access|audit|user|zone|enterprise|team|shift|meeting|upload|media|session)\.[a-z_.]+)'/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('audit action catalogue', () => {
  it('lists every action the server writes, so the audit viewer has a Chinese label for each', () => {
    const jobNames = new Set(Object.keys(QUEUES));
    const found = new Map<string, string>();
    for (const file of SOURCES.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(ACTION_LITERAL)) {
        if (!jobNames.has(match[1]!)) found.set(match[1]!, path.relative(root, file));
      }
    }
    expect(found.size).toBeGreaterThan(20);
    const missing = [...found].filter(([action]) => !(AUDIT_ACTIONS as readonly string[]).includes(action));
    expect(missing).toEqual([]);
  });
});
