import { CreateBucketCommand, HeadBucketCommand, type BucketLocationConstraint, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from './errors/storage-error.ts';
import { s3ErrorCode, s3HttpStatus } from './s3-errors.ts';

/** Throws a {@link StorageError} unless `bucket` exists and the credentials may use it. */
export async function checkBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const status = s3HttpStatus(error);
    const why = status === 404 ? 'does not exist' : status === 403 ? 'is not accessible with these credentials' : 'is unreachable';
    throw new StorageError(`S3 bucket ${JSON.stringify(bucket)} ${why}`, { cause: error });
  }
}

/**
 * Creates `bucket` unless it exists. For tests and embedded setups: production buckets are
 * provisioned with their policies outside the application.
 */
export async function ensureBucket(client: S3Client, bucket: string, region: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (error) {
    if (s3HttpStatus(error) !== 404) throw new StorageError(`S3 bucket ${JSON.stringify(bucket)} could not be checked`, { cause: error });
  }
  try {
    // us-east-1 is the default location and S3 rejects it when named explicitly.
    const configuration = region === 'us-east-1' ? undefined : { LocationConstraint: region as BucketLocationConstraint };
    await client.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: configuration }));
  } catch (error) {
    // Someone else (a parallel test file) created it first: fine.
    if (s3ErrorCode(error) === 'BucketAlreadyOwnedByYou' || s3ErrorCode(error) === 'BucketAlreadyExists') return;
    throw new StorageError(`S3 bucket ${JSON.stringify(bucket)} could not be created`, { cause: error });
  }
}
