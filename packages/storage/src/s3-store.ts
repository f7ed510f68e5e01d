import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { parseContentRange, toRangeHeader } from './byte-range.ts';
import { deleteListed } from './delete-listed.ts';
import { InvalidRangeError } from './errors/invalid-range-error.ts';
import { StorageError } from './errors/storage-error.ts';
import { UploadNotFoundError } from './errors/upload-not-found-error.ts';
import { assertPartNumber, orderCompletedParts, unquoteEtag } from './multipart-parts.ts';
import { assertValidKey, assertValidPrefix } from './object-key.ts';
import type {
  ByteRange,
  CompletedPart,
  ListedObject,
  ObjectBody,
  ObjectInfo,
  ObjectStore,
  ObjectStream,
  PresignPutOptions,
  PutOptions,
  UploadedPart,
} from './object-store.ts';
import { checkBucket, ensureBucket } from './s3-bucket.ts';
import { s3ErrorCode, s3HttpStatus, toStorageError, type S3CallContext } from './s3-errors.ts';
import { bodyLength, expiry, pageSize } from './s3-limits.ts';
import { sendWithStreamBody } from './s3-stream-body.ts';

/** Configuration of {@link S3ObjectStore}. */
export interface S3StoreConfig {
  /** Base URL of an S3-compatible service (MinIO, R2, s3rver…); omit for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` URLs instead of `bucket.endpoint/key`; self-hosted services and s3rver need it. */
  forcePathStyle: boolean;
  /** Keys per ListObjectsV2/ListParts page and DeleteObjects call: 1000 (S3's maximum) unless lowered, as tests do to exercise paging. */
  pageSize?: number;
}

/**
 * Object store on S3 or an S3-compatible service. Sets no ACLs anywhere: access is the
 * bucket's policy, and reads go through presigned URLs or the API.
 */
export class S3ObjectStore implements ObjectStore {
  readonly driver = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly region: string;
  private readonly pageSize: number;

  constructor(config: S3StoreConfig) {
    this.bucket = config.bucket;
    this.region = config.region;
    this.pageSize = pageSize(config.pageSize);
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Checksums only where S3 demands them. By default the SDK sends streamed bodies
      // aws-chunked with a trailing CRC32, which S3-compatible servers such as s3rver store
      // framing and all, and signs the CRC32 of an empty body into presigned PUT URLs.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Creates the bucket unless it exists; for tests and embedded setups, not production buckets. */
  async ensureBucket(): Promise<void> {
    await ensureBucket(this.client, this.bucket, this.region);
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<void> {
    assertValidKey(key);
    const length = bodyLength(body, options.contentLength);
    await this.call({ operation: 'PutObject', key }, () =>
      this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: length, ContentType: options.contentType }),
      ),
    );
  }

  async get(key: string, range?: ByteRange): Promise<ObjectStream> {
    assertValidKey(key);
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range && toRangeHeader(range) });
    const response = await this.client.send(command).catch(async (error: unknown) => {
      if (range && s3ErrorCode(error) === 'InvalidRange')
        throw new InvalidRangeError(range.start, (await this.head(key))?.size, { cause: error });
      throw toStorageError(error, { operation: 'GetObject', key });
    });
    const body = response.Body;
    if (!(body instanceof Readable)) throw new StorageError(`S3 GetObject of ${JSON.stringify(key)} returned no stream`);
    const contentLength = response.ContentLength ?? 0;
    const served = parseContentRange(response.ContentRange);
    const object: ObjectStream = { body, contentLength, contentType: response.ContentType, totalSize: served?.totalSize ?? contentLength };
    if (!range) return object;
    if (!served) {
      // Serving the whole object as if it were the range would corrupt the client's video buffer.
      body.destroy();
      throw new StorageError(`S3 GetObject of ${JSON.stringify(key)} ignored the Range header`);
    }
    return { ...object, range: { start: served.start, end: served.end } };
  }

  async putFile(key: string, source: string, options: PutOptions = {}): Promise<void> {
    const { size } = await stat(source);
    await this.put(key, createReadStream(source), { ...options, contentLength: size });
  }

  async downloadTo(key: string, target: string): Promise<void> {
    const { body } = await this.get(key);
    await pipeline(body, createWriteStream(target, { flags: 'wx' }));
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertValidKey(key);
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: response.ContentLength ?? 0, contentType: response.ContentType, etag: response.ETag && unquoteEtag(response.ETag) };
    } catch (error) {
      if (s3HttpStatus(error) === 404) return null;
      throw toStorageError(error, { operation: 'HeadObject', key });
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.call({ operation: 'DeleteObject', key }, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    keys.forEach(assertValidKey);
    for (let i = 0; i < keys.length; i += this.pageSize) {
      const batch = keys.slice(i, i + this.pageSize).map((Key) => ({ Key }));
      const response = await this.call({ operation: 'DeleteObjects' }, () =>
        this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch, Quiet: true } })),
      );
      const [first, ...rest] = response.Errors ?? [];
      // DeleteObjects answers 200 even when single keys fail; those come back in Errors.
      if (first)
        throw new StorageError(
          `S3 DeleteObjects failed for ${JSON.stringify(first.Key)} (${first.Code}: ${first.Message}) and ${rest.length} more`,
        );
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    return deleteListed(prefix, this.list(prefix), (keys) => this.deleteMany(keys), this.pageSize);
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    assertValidPrefix(prefix);
    let token: string | undefined;
    do {
      const page = await this.call({ operation: 'ListObjectsV2', key: prefix }, () =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, MaxKeys: this.pageSize, ContinuationToken: token }),
        ),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key !== undefined) yield { key: object.Key, size: object.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async presignGet(key: string, expiresInSeconds: number): Promise<string | null> {
    assertValidKey(key);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), expiry(expiresInSeconds));
  }

  async presignPut(key: string, expiresInSeconds: number, options: PresignPutOptions = {}): Promise<string | null> {
    assertValidKey(key);
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType });
    return getSignedUrl(this.client, command, expiry(expiresInSeconds));
  }

  async createMultipart(key: string, contentType?: string): Promise<string> {
    assertValidKey(key);
    const response = await this.call({ operation: 'CreateMultipartUpload', key }, () =>
      this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType })),
    );
    if (!response.UploadId) throw new StorageError(`S3 CreateMultipartUpload of ${JSON.stringify(key)} returned no upload id`);
    return response.UploadId;
  }

  async presignPart(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string | null> {
    assertValidKey(key);
    assertPartNumber(partNumber);
    const command = new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, PartNumber: partNumber });
    return getSignedUrl(this.client, command, expiry(expiresInSeconds));
  }

  async uploadPart(key: string, uploadId: string, partNumber: number, body: ObjectBody, contentLength?: number): Promise<{ etag: string }> {
    assertValidKey(key);
    assertPartNumber(partNumber);
    const length = bodyLength(body, contentLength);
    const response = await sendWithStreamBody(body, (abortSignal) =>
      this.call({ operation: 'UploadPart', key, uploadId }, () =>
        this.client.send(
          new UploadPartCommand({
            Bucket: this.bucket,
            Key: key,
            UploadId: uploadId,
            PartNumber: partNumber,
            Body: body,
            ContentLength: length,
          }),
          { abortSignal },
        ),
      ),
    );
    if (!response.ETag) throw new StorageError(`S3 UploadPart ${partNumber} of ${JSON.stringify(key)} returned no ETag`);
    return { etag: unquoteEtag(response.ETag) };
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    assertValidKey(key);
    const parts: UploadedPart[] = [];
    let marker: string | undefined;
    do {
      const page = await this.call({ operation: 'ListParts', key, uploadId }, () =>
        this.client.send(
          new ListPartsCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, MaxParts: this.pageSize, PartNumberMarker: marker }),
        ),
      );
      for (const part of page.Parts ?? []) {
        if (part.PartNumber !== undefined)
          parts.push({ partNumber: part.PartNumber, size: part.Size ?? 0, etag: unquoteEtag(part.ETag ?? '') });
      }
      // Follow IsTruncated, not the marker: S3 returns NextPartNumberMarker on the last page too.
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeMultipart(key: string, uploadId: string, parts?: readonly CompletedPart[]): Promise<void> {
    assertValidKey(key);
    const ordered = orderCompletedParts(uploadId, parts ?? (await this.listParts(key, uploadId)));
    const Parts = ordered.map((part) => ({ PartNumber: part.partNumber, ETag: `"${part.etag}"` }));
    await this.call({ operation: 'CompleteMultipartUpload', key, uploadId }, () =>
      this.client.send(
        new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts } }),
      ),
    );
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    assertValidKey(key);
    try {
      await this.call({ operation: 'AbortMultipartUpload', key, uploadId }, () =>
        this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId })),
      );
    } catch (error) {
      // Cleanup jobs retry aborts; an upload that is already gone is the outcome they want.
      if (!(error instanceof UploadNotFoundError)) throw error;
    }
  }

  async check(): Promise<void> {
    await checkBucket(this.client, this.bucket);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async call<T>(context: S3CallContext, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toStorageError(error, context);
    }
  }
}
