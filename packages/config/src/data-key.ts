import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * DATA_ENCRYPTION_KEY for a process beside the API (worker, ingest): it must be the API's key,
 * since a key of the process's own would not open what the API sealed.
 */
export const sharedDataKeyEnvShape = {
  DATA_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+=*$/.test(v), {
      error: 'must be 32 bytes in base64, the same as the API',
    })
    .optional(),
};

/**
 * The API's data key for a process beside it: DATA_ENCRYPTION_KEY, or the key an embedded API keeps
 * under DATA_DIR on this machine; undefined when there is neither. Never makes one (only the API does).
 */
export function sharedDataKeyOf(dataEncryptionKey: string | undefined, dataDir: string): Buffer | undefined {
  const key = dataEncryptionKey ?? readKeptFile(path.join(dataDir, 'data-encryption-key'));
  return key ? Buffer.from(key, 'base64') : undefined;
}

/** A secret an embedded API keeps in a file under DATA_DIR, trimmed; undefined when absent or empty. */
export function readKeptFile(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}
