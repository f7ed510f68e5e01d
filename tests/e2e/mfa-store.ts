import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';

// TOTP secrets the e2e helpers enrolled, per platform (port) and user. Kept in a file under the
// e2e platforms' data directory, which each run starts empty, so a restarted Playwright worker
// still knows them and a new run forgets them with the database.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'tmp', 'e2e-data', 'test-mfa');
const PERIOD = 30;

interface Entry {
  secret: string;
  lastStep: number;
}

function fileOf(baseURL: string, username: string): string {
  return path.join(dir, `${new URL(baseURL).port}-${username}.json`);
}

/** Remembers the secret an e2e helper (or test) enrolled for `username` on the platform at `baseURL`. */
export function rememberSecret(baseURL: string, username: string, secret: string, lastStep = -1): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(fileOf(baseURL, username), JSON.stringify({ secret, lastStep } satisfies Entry));
}

/** True when a secret for `username` is remembered. */
export function knowsSecret(baseURL: string, username: string): boolean {
  return existsSync(fileOf(baseURL, username));
}

/**
 * A code for the earliest time step from now on that the API will accept and has not seen (it
 * refuses a step used before and accepts one step either side of now); waits for the next period
 * when both were used. Never the previous step: its code would go stale if a step boundary passed
 * while the form is filled in and sent.
 */
export async function nextCode(baseURL: string, username: string): Promise<string> {
  const entry = JSON.parse(readFileSync(fileOf(baseURL, username), 'utf8')) as Entry;
  for (;;) {
    const current = Math.floor(Date.now() / 1000 / PERIOD);
    const step = Math.max(current, entry.lastStep + 1);
    if (step <= current + 1) {
      rememberSecret(baseURL, username, entry.secret, step);
      return generate({ secret: entry.secret, epoch: step * PERIOD });
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
