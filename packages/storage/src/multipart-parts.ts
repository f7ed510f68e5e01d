import { InvalidPartError } from './errors/invalid-part-error.ts';
import { MAX_PART_NUMBER, type CompletedPart } from './object-store.ts';

/** Throws a RangeError unless `partNumber` is an integer from 1 to {@link MAX_PART_NUMBER}. */
export function assertPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw new RangeError(`Part number must be an integer from 1 to ${MAX_PART_NUMBER}, got ${partNumber}`);
  }
}

/** S3 quotes ETags in headers and XML; callers compare and store them bare. */
export function unquoteEtag(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '');
}

/**
 * `parts` sorted by part number with bare ETags. S3 rejects an unsorted list, but a client
 * resuming an upload may well report parts in the order they finished, so the store sorts.
 * Throws {@link InvalidPartError} for an empty list or a part number given twice.
 */
export function orderCompletedParts(uploadId: string, parts: readonly CompletedPart[]): CompletedPart[] {
  if (parts.length === 0) throw new InvalidPartError(uploadId, 'no parts to complete');
  const ordered = parts
    .map((part) => {
      assertPartNumber(part.partNumber);
      return { partNumber: part.partNumber, etag: unquoteEtag(part.etag) };
    })
    .sort((a, b) => a.partNumber - b.partNumber);
  ordered.forEach((part, i) => {
    if (i > 0 && ordered[i - 1]?.partNumber === part.partNumber) {
      throw new InvalidPartError(uploadId, `part ${part.partNumber} is listed twice`);
    }
  });
  return ordered;
}
