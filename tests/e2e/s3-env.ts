import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PeerAddress } from '@platform/storage/test-support';

// Where the `phone-s3` project's platform (tests/e2e/s3-platform.ts) runs and keeps its files;
// shared by the Playwright config, that webServer and the specs.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const S3_PORT = Number(process.env.E2E_S3_PORT ?? 3200);
export const S3_BUCKET = 'e2e-media';
export const S3_DATA_DIR = path.join(root, 'tmp', 'e2e-s3', 'data');
export const S3_PEER_FILE = path.join(root, 'tmp', 'e2e-s3', 'peer.json');

/** The running peer's address, credentials and bucket, as s3-platform.ts wrote them. */
export function readS3Peer(): PeerAddress & { bucket: string } {
  return JSON.parse(readFileSync(S3_PEER_FILE, 'utf8')) as PeerAddress & { bucket: string };
}
