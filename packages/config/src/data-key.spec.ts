import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedDataKeyOf } from './data-key.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const FILE_KEY = Buffer.alloc(32, 9).toString('base64');
const dirs: string[] = [];
function dataDir(keyFile?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'data-key-'));
  dirs.push(dir);
  if (keyFile !== undefined) writeFileSync(path.join(dir, 'data-encryption-key'), keyFile);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('sharedDataKeyOf', () => {
  it('prefers DATA_ENCRYPTION_KEY over the embedded API key file', () => {
    expect(sharedDataKeyOf(KEY, dataDir(`${FILE_KEY}\n`))?.toString('base64')).toBe(KEY);
  });
  it("reads the embedded API's key file under DATA_DIR, trimmed", () => {
    expect(sharedDataKeyOf(undefined, dataDir(`${FILE_KEY}\n`))?.toString('base64')).toBe(FILE_KEY);
  });
  it('gives no key when there is neither, or the file is empty', () => {
    expect(sharedDataKeyOf(undefined, dataDir())).toBeUndefined();
    expect(sharedDataKeyOf(undefined, dataDir('\n'))).toBeUndefined();
  });
});
