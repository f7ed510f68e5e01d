/**
 * Playwright webServer of the `phone-s3` project: an s3rver peer (real S3 protocol, multipart
 * shim) with a bucket whose CORS rule admits the platform's origin, then a fresh platform with
 * STORAGE_DRIVER=s3 against it. The browser PUTs upload parts straight to the peer, as it would
 * to a real bucket. The peer's address goes to S3_PEER_FILE for the specs. Stops the peer when
 * the platform exits or on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPeerBucket, startS3rverPeer } from '@platform/storage/test-support';
import { S3_BUCKET, S3_DATA_DIR, S3_PEER_FILE, S3_PORT } from './s3-env.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const origin = `http://127.0.0.1:${S3_PORT}`;

await fs.rm(S3_DATA_DIR, { recursive: true, force: true });
await fs.mkdir(path.dirname(S3_PEER_FILE), { recursive: true });
const peer = await startS3rverPeer();
const bucket = await createPeerBucket(peer, S3_BUCKET, { corsOrigins: [origin] });
bucket.close();
const { stop, ...address } = peer;
await fs.writeFile(S3_PEER_FILE, JSON.stringify({ ...address, bucket: S3_BUCKET }));
console.log(`[s3-platform] s3rver on ${peer.endpoint}, bucket ${S3_BUCKET} (CORS for ${origin})`);

const api = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(S3_PORT),
    HOST: '127.0.0.1',
    DATA_DIR: S3_DATA_DIR,
    EMBEDDED_PG_PORT: '0',
    UPLOAD_PART_MB: '5',
    // The other e2e platform carries the live specs; two ingests would want the same ports.
    LIVE_ENABLED: '0',
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: peer.endpoint,
    S3_REGION: peer.region,
    S3_BUCKET,
    S3_ACCESS_KEY_ID: peer.accessKeyId,
    S3_SECRET_ACCESS_KEY: peer.secretAccessKey,
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => {
  void stop().finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
