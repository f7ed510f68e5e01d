import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { S3rverPeer } from './s3rver-peer.ts';

/** Where a peer is and how to sign for it: a {@link S3rverPeer} without `stop`, e.g. read from a file. */
export type PeerAddress = Omit<S3rverPeer, 'stop'>;

/** A bucket on a test peer, read with a plain S3 client (not the store under test). */
export interface PeerBucket {
  name: string;
  /** Every key under `prefix` with its size, in key order. */
  list(prefix: string): Promise<{ key: string; size: number }[]>;
  read(key: string): Promise<Buffer>;
  /** Content-Type the object was stored with, or undefined. */
  contentTypeOf(key: string): Promise<string | undefined>;
  close(): void;
}

/**
 * Creates `name` on the peer. With `corsOrigins`, also sets the CORS rule a browser needs to PUT
 * upload parts straight to presigned URLs from those pages (as a bucket for real browsers must
 * have): PUT allowed with any header, and ETag exposed so a page can read each part's ETag.
 */
export async function createPeerBucket(peer: PeerAddress, name: string, options: { corsOrigins?: string[] } = {}): Promise<PeerBucket> {
  const client = new S3Client(clientConfig(peer));
  try {
    await client.send(new CreateBucketCommand({ Bucket: name }));
    if (options.corsOrigins?.length) {
      await client.send(
        new PutBucketCorsCommand({
          Bucket: name,
          CORSConfiguration: {
            CORSRules: [
              {
                AllowedOrigins: options.corsOrigins,
                AllowedMethods: ['PUT', 'GET', 'HEAD'],
                AllowedHeaders: ['*'],
                ExposeHeaders: ['ETag'],
                MaxAgeSeconds: 600,
              },
            ],
          },
        }),
      );
    }
  } finally {
    client.destroy();
  }
  return openPeerBucket(peer, name);
}

/** An existing bucket of a peer, e.g. one another process created; see {@link createPeerBucket}. */
export function openPeerBucket(peer: PeerAddress, name: string): PeerBucket {
  const client = new S3Client(clientConfig(peer));
  return {
    name,
    async list(prefix) {
      const found: { key: string; size: number }[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: name, Prefix: prefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) found.push({ key: o.Key!, size: o.Size ?? 0 });
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return found.sort((a, b) => a.key.localeCompare(b.key));
    },
    async read(key) {
      const response = await client.send(new GetObjectCommand({ Bucket: name, Key: key }));
      return Buffer.from(await response.Body!.transformToByteArray());
    },
    async contentTypeOf(key) {
      return (await client.send(new HeadObjectCommand({ Bucket: name, Key: key }))).ContentType;
    },
    close: () => client.destroy(),
  };
}

function clientConfig(peer: PeerAddress): S3ClientConfig {
  return {
    endpoint: peer.endpoint,
    region: peer.region,
    forcePathStyle: true,
    credentials: { accessKeyId: peer.accessKeyId, secretAccessKey: peer.secretAccessKey },
    // As in S3ObjectStore: no aws-chunked bodies or CRC32 trailers, which s3rver stores verbatim.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}
