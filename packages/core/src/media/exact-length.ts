import { Readable } from 'node:stream';
import { PayloadTooLargeError, ValidationError } from '../errors/index.ts';

/** A body wrapped by {@link exactLength}: the stream to hand on, and what went wrong with it. */
export interface ExactLengthBody {
  /** Yields the body's bytes, failing as soon as one byte too many arrives, or at a short end. */
  stream: Readable;
  /**
   * After the consumer failed: the length error the body caused (413 for too many bytes, 400 for
   * too few), or `failure` itself when the body was not the problem.
   */
  explain(failure: unknown): unknown;
}

class LengthBroken extends Error {}

/**
 * Holds a streamed body to exactly `expected` bytes while it arrives. A chunked request announces
 * no length, so the limit has to be counted: the byte past `expected` ends the stream before it
 * reaches the consumer, instead of a whole oversized body landing in a temp file first.
 * The source is never destroyed, only no longer read: destroying an HTTP request destroys its
 * socket, and the client would get no answer at all.
 */
export function exactLength(source: Readable, expected: number): ExactLengthBody {
  let received = 0;
  let broken: 'over' | 'short' | null = null;

  async function* counted(): AsyncGenerator<Buffer> {
    // The newest chunk is held back until the next one (or the end) arrives: a consumer that has
    // all `expected` bytes may finish its request (S3 records the part) before a byte too many
    // shows up, so it only gets the last of them once the body has really ended.
    let held: Buffer | null = null;
    for await (const chunk of source.iterator({ destroyOnReturn: false })) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      received += bytes.length;
      if (received > expected) {
        broken = 'over';
        throw new LengthBroken(`more than ${expected} bytes`);
      }
      if (held) yield held;
      held = bytes;
    }
    if (received < expected) {
      broken = 'short';
      throw new LengthBroken(`${received} of ${expected} bytes`);
    }
    if (held) yield held;
  }

  return {
    stream: Readable.from(counted(), { objectMode: false }),
    explain(failure) {
      if (broken === 'over') {
        return new PayloadTooLargeError([
          {
            field: 'body',
            code: 'PART_TOO_LARGE',
            params: { limitBytes: expected },
            message: `the part must be exactly ${expected} bytes; more arrived`,
          },
        ]);
      }
      if (broken === 'short') {
        return ValidationError.field('body', 'PART_SIZE_MISMATCH', `the part must be exactly ${expected} bytes, got ${received}`, {
          expected,
          actual: received,
        });
      }
      return failure;
    },
  };
}
