import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './test-app.ts';

export const SAMPLES_DIR = path.join(PROJECT_ROOT, 'media-samples', 'out');

/** Path of a generated sample, generating the set with ffmpeg on first use. */
export function sample(name: string): string {
  const file = path.join(SAMPLES_DIR, name);
  if (!existsSync(file)) execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'media-samples', 'generate.mjs')], { stdio: 'inherit' });
  if (!existsSync(file)) throw new Error(`sample ${name} was not generated`);
  return file;
}
