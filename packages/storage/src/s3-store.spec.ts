import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from './errors/storage-error.ts';
import { describeObjectStoreContract } from './object-store.contract.ts';
import { S3ObjectStore } from './s3-store.ts';
import { startS3rverPeer, type S3rverPeer } from './test-support/s3rver-peer.ts';

// One S3 protocol peer for the file; started on first use, stopped after every suite.
let peer: S3rverPeer | undefined;
afterAll(async () => peer?.stop());

/** A store on a bucket of the shared peer, paging by 2 so listings, part lists and batch deletes span pages. */
async function storeOnBucket(bucket: string): Promise<S3ObjectStore> {
  peer ??= await startS3rverPeer();
  return new S3ObjectStore({ ...peer, bucket, forcePathStyle: true, pageSize: 2 });
}

describeObjectStoreContract('s3 (s3rver)', async () => {
  const store = await storeOnBucket('contract');
  await store.ensureBucket();
  return { store, presigns: true, cleanup: () => store.close() };
});

describe('S3ObjectStore', () => {
  let store: S3ObjectStore;
  beforeAll(async () => {
    store = await storeOnBucket('specific');
  });
  afterAll(async () => store?.close());

  it('creates its bucket once and fails its health check before', async () => {
    await expect(store.check()).rejects.toThrow(/bucket "specific" does not exist/);
    await store.ensureBucket();
    await store.ensureBucket();
    await expect(store.check()).resolves.toBeUndefined();
  });

  it('refuses to stream a body of unknown length, which S3 would reject', async () => {
    await store.ensureBucket();
    const error = await store.put('streams/unknown-length', Readable.from([Buffer.from('abc')])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toMatch(/contentLength is required/);
    expect(await store.head('streams/unknown-length')).toBeNull();
  });

  it('wraps transport failures in StorageError, keeping the cause', async () => {
    const unreachable = new S3ObjectStore({
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      bucket: 'nowhere',
      accessKeyId: 'x',
      secretAccessKey: 'x',
      forcePathStyle: true,
    });
    const error = await unreachable.put('k', Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).cause).toBeDefined();
    await unreachable.close();
  });
});
