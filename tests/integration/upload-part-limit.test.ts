import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { createPeerBucket, startS3rverPeer, type PeerBucket, type S3rverPeer } from '@platform/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../support/media-helpers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// A part PUT with `Transfer-Encoding: chunked` announces no length, so nothing can be refused up
// front: the limit has to hold while the bytes arrive. light-my-request never sends a chunked body,
// so these requests go over a real socket to a listening app.

const PART_MB = 5;
const PART = PART_MB * 1024 * 1024;
// What a hostile client offers; the server must stop reading long before it.
const OFFERED = 64 * 1024 * 1024;

interface ChunkedAnswer {
  status: number;
  body: { error?: { code: string; details?: { field: string; code: string; params?: Record<string, number> }[] } };
  /** Bytes the client managed to hand to its socket before the answer (or a reset) came. */
  written: number;
}

/** PUTs `total` bytes in 256 KiB chunks, chunked, stopping as soon as the server answers or hangs up. */
function putChunked(base: string, url: string, cookie: string, total: number): Promise<ChunkedAnswer> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const request = http.request(new URL(url, base), {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
    });
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}'), written }),
      );
    });
    // A reset after the answer is the server closing a connection it will not read further.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(256 * 1024, 0x5a);
    const pump = () => {
      while (!answered && !request.destroyed && written < total) {
        const slice = chunk.subarray(0, Math.min(chunk.length, total - written));
        written += slice.length;
        if (!request.write(slice)) return void request.once('drain', pump);
      }
      if (!answered && !request.destroyed) request.end();
    };
    pump();
  });
}

/** Runs the same checks against an app over the filesystem store or an S3 peer. */
function partLimitSuite(name: string, env: () => Record<string, string>, temporaryFiles: (t: TestApp) => Promise<string[]>) {
  describe(`a chunked part PUT through the API (${name})`, () => {
    let t: TestApp;
    let base: string;
    let cookie: string;
    let meetingId: string;

    beforeAll(async () => {
      t = await createTestApp({ UPLOAD_PART_MB: String(PART_MB), ...env() });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      cookie = await t.login('officer1');
      meetingId = await createMeeting(t.platform.prisma, 'officer1');
    });

    afterAll(async () => {
      await t?.close();
    });

    const createUpload = async (size: number) => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { cookie },
        payload: { meetingId, fileName: 'shift.mp4', size, contentType: 'video/mp4' },
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ id: string; parts: { partNumber: number; size: number }[] }>();
    };
    const partUrl = (id: string, n: number) => `/api/uploads/${id}/parts/${n}`;

    it('stops reading at the part size, answers 413 with the limit, keeps nothing, and takes a correct retry', async () => {
      const upload = await createUpload(PART + 1000);

      const answer = await putChunked(base, partUrl(upload.id, 1), cookie, OFFERED);

      expect(answer.status).toBe(413);
      expect(answer.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(answer.body.error?.details).toEqual([
        expect.objectContaining({ field: 'body', code: 'PART_TOO_LARGE', params: { limitBytes: PART } }),
      ]);
      // Reading stopped at the part size: what the client could write is the part plus what the
      // sockets buffer, nowhere near what it offered.
      expect(answer.written).toBeLessThan(PART + 16 * 1024 * 1024);

      const after = await t.app.inject({ method: 'GET', url: `/api/uploads/${upload.id}`, headers: { cookie } });
      expect(after.json()).toMatchObject({ status: 'ACTIVE', received: [] });
      expect(await temporaryFiles(t)).toEqual([]);

      // The session is still usable: the right bytes for the same part are taken.
      const retry = await t.app.inject({
        method: 'PUT',
        url: partUrl(upload.id, 1),
        headers: { cookie, 'content-type': 'application/octet-stream' },
        payload: Buffer.alloc(PART, 1),
      });
      expect(retry.statusCode, retry.body).toBe(200);
      const resumed = await t.app.inject({ method: 'GET', url: `/api/uploads/${upload.id}`, headers: { cookie } });
      expect(resumed.json().received).toEqual([{ partNumber: 1, size: PART }]);
    });

    // The answer must reach a client that is still sending: the server closes after it the way
    // nginx's lingering close does, not with a reset that can overtake the answer (EPIPE instead of 413).
    it('gets the 413 to a client still sending, every time', async () => {
      const upload = await createUpload(PART + 1000);
      for (let attempt = 0; attempt < 25; attempt++) {
        const answer = await putChunked(base, partUrl(upload.id, 1), cookie, OFFERED);
        expect(answer.status, `attempt ${attempt + 1}`).toBe(413);
      }
    });

    it('answers a chunked part shorter than its size with 400 PART_SIZE_MISMATCH, keeping nothing', async () => {
      const upload = await createUpload(PART + 1000);

      const answer = await putChunked(base, partUrl(upload.id, 1), cookie, 300_000);

      expect(answer.status).toBe(400);
      expect(answer.body.error?.details).toEqual([
        expect.objectContaining({ field: 'body', code: 'PART_SIZE_MISMATCH', params: { expected: PART, actual: 300_000 } }),
      ]);
      const after = await t.app.inject({ method: 'GET', url: `/api/uploads/${upload.id}`, headers: { cookie } });
      expect(after.json().received).toEqual([]);
      expect(await temporaryFiles(t)).toEqual([]);
    });

    it('takes a chunked part of exactly the right size', async () => {
      const upload = await createUpload(PART + 1000);
      const answer = await putChunked(base, partUrl(upload.id, 2), cookie, 1000);
      expect(answer.status).toBe(200);
      const after = await t.app.inject({ method: 'GET', url: `/api/uploads/${upload.id}`, headers: { cookie } });
      expect(after.json().received).toEqual([{ partNumber: 2, size: 1000 }]);
    });
  });
}

/** Files under `dir` whose names are not a part, a part record or a manifest: temp files left behind. */
async function strayFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !/^(\d+|\d+\.json|upload\.json)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

partLimitSuite(
  'filesystem store',
  () => ({}),
  (t) => strayFiles(path.join(t.dataDir, 'objects')),
);

let peer: S3rverPeer;
let bucket: PeerBucket;
beforeAll(async () => {
  peer = await startS3rverPeer();
  bucket = await createPeerBucket(peer, 'platform-media');
});
afterAll(async () => {
  bucket?.close();
  await peer?.stop();
});

partLimitSuite(
  'S3 store',
  () => ({
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: peer.endpoint,
    S3_REGION: peer.region,
    S3_BUCKET: 'platform-media',
    S3_ACCESS_KEY_ID: peer.accessKeyId,
    S3_SECRET_ACCESS_KEY: peer.secretAccessKey,
  }),
  // The API keeps nothing of a part on its own disk with S3; the peer's part list is checked above.
  (t) => strayFiles(t.dataDir),
);
