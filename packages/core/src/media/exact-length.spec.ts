import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError, ValidationError } from '../errors/index.ts';
import { exactLength } from './exact-length.ts';

/** Reads the wrapped stream to its end or failure, returning the bytes a consumer got. */
async function consume(stream: Readable): Promise<{ got: number; error?: unknown }> {
  let got = 0;
  try {
    for await (const chunk of stream) got += (chunk as Buffer).length;
    return { got };
  } catch (error) {
    return { got, error };
  }
}

const chunks = (...sizes: number[]) => Readable.from(sizes.map((n) => Buffer.alloc(n, 1)));

describe('exactLength', () => {
  it('passes a body of exactly the expected length through', async () => {
    const body = exactLength(chunks(4, 4, 2), 10);
    expect(await consume(body.stream)).toEqual({ got: 10 });
  });

  it('fails at the first byte too many: 413 PART_TOO_LARGE with the limit, and the consumer never had all the bytes', async () => {
    // The first two chunks are exactly the limit: a consumer given them could finish and store the part.
    const body = exactLength(chunks(4, 6, 1, 1000), 10);
    const { got, error } = await consume(body.stream);
    expect(error).toBeDefined();
    expect(got).toBeLessThan(10);
    const explained = body.explain(new Error('store failed'));
    expect(explained).toBeInstanceOf(PayloadTooLargeError);
    expect((explained as PayloadTooLargeError).details).toEqual([
      expect.objectContaining({ field: 'body', code: 'PART_TOO_LARGE', params: { limitBytes: 10 } }),
    ]);
  });

  it('fails a body that ends short: 400 PART_SIZE_MISMATCH with both sizes', async () => {
    const body = exactLength(chunks(3, 3), 10);
    const { got, error } = await consume(body.stream);
    expect(error).toBeDefined();
    expect(got).toBeLessThan(10);
    const explained = body.explain(new Error('store failed'));
    expect(explained).toBeInstanceOf(ValidationError);
    expect((explained as ValidationError).details).toEqual([
      expect.objectContaining({ field: 'body', code: 'PART_SIZE_MISMATCH', params: { expected: 10, actual: 6 } }),
    ]);
  });

  it('stops reading without destroying the source (an HTTP request whose socket must still carry the answer)', async () => {
    // A client still sending: the source has not ended when the limit is passed.
    const source = new PassThrough();
    source.write(Buffer.alloc(20));
    const { error } = await consume(exactLength(source, 10).stream);
    expect(error).toBeDefined();
    expect(source.destroyed).toBe(false);
    source.destroy();
  });

  it('leaves failures the body did not cause as they are', async () => {
    const body = exactLength(chunks(10), 10);
    const failure = new Error('disk full');
    expect(body.explain(failure)).toBe(failure);
  });
});
