import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SecretBox } from '@platform/core';
import type { ApiConfig } from './config.ts';

/**
 * The key that encrypts secrets at rest (TOTP secrets; camera credentials and webhook secrets
 * later): DATA_ENCRYPTION_KEY, which config requires with DATABASE_URL, or in the embedded mode a
 * random key kept under DATA_DIR beside the database it protects (like the media signing secret).
 * Losing it makes the sealed secrets unreadable: back it up apart from the database.
 */
export async function loadDataKey(config: Pick<ApiConfig, 'dataEncryptionKey' | 'dataDir'>): Promise<Buffer> {
  if (config.dataEncryptionKey) return config.dataEncryptionKey;
  const file = path.join(config.dataDir, 'data-encryption-key');
  if (existsSync(file)) return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
  const key = SecretBox.generateKey();
  await fs.mkdir(config.dataDir, { recursive: true });
  // `wx`: two processes starting on one DATA_DIR must not each write a different key.
  await fs.writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
}
