import { InvalidObjectKeyError } from './errors/invalid-object-key-error.ts';
import type { ListedObject } from './object-store.ts';

/** S3's DeleteObjects limit; the filesystem driver batches the same way. */
export const DELETE_BATCH_SIZE = 1000;

/**
 * Deletes everything `listing` yields, `batchSize` keys per `deleteMany` call, and returns the
 * count. Deleting behind the listing is safe on S3 (pages continue after the last key seen) and
 * on the filesystem (each folder is read before its files go). Refuses an empty prefix, which
 * would empty the whole store.
 */
export async function deleteListed(
  prefix: string,
  listing: AsyncIterable<ListedObject>,
  deleteMany: (keys: string[]) => Promise<void>,
  batchSize = DELETE_BATCH_SIZE,
): Promise<number> {
  if (prefix === '') throw new InvalidObjectKeyError(prefix, 'deletePrefix needs a non-empty prefix');
  let batch: string[] = [];
  let deleted = 0;
  for await (const object of listing) {
    batch.push(object.key);
    if (batch.length === batchSize) {
      await deleteMany(batch);
      deleted += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await deleteMany(batch);
  return deleted + batch.length;
}
