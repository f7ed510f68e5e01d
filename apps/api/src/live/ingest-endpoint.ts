import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ApiConfig } from '../config.ts';

/** How the API reaches the ingest process: its internal HTTP base URL and the secret both share. */
export interface IngestEndpoint {
  /** e.g. http://127.0.0.1:8936 (no trailing slash). */
  url: string;
  /** Sent as the `x-ingest-secret` header on every request to the ingest. */
  secret: string;
}

/** The header the ingest checks on every internal request. */
export const INGEST_SECRET_HEADER = 'x-ingest-secret';

/**
 * LIVE_INGEST_SECRET, or the random one an embedded platform keeps under DATA_DIR, so an API and
 * the ingest it starts (and a restart of either) agree without configuration.
 */
export async function ingestSecretOf(config: ApiConfig): Promise<string> {
  if (config.live.ingest.secret) return config.live.ingest.secret;
  const file = path.join(config.dataDir, 'live-ingest-secret');
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  const secret = randomBytes(48).toString('base64url');
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
