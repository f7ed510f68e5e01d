import { StorageError } from './errors/storage-error.ts';
import type { ObjectBody } from './object-store.ts';

/**
 * Runs `send` with a signal that aborts the request when a stream body fails part-way (a client
 * that sent too many or too few bytes, a dropped connection). The SDK only pipes the stream: on
 * its own it would wait for the missing bytes until a timeout, and the body's error would have
 * no listener at all. The failure comes back as a StorageError whose cause is the body's error.
 */
export async function sendWithStreamBody<T>(body: ObjectBody, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const aborter = new AbortController();
  if (Buffer.isBuffer(body)) return send(aborter.signal);
  let failure: unknown;
  const onError = (error: unknown) => {
    failure = error;
    aborter.abort(error);
  };
  body.once('error', onError);
  try {
    return await send(aborter.signal);
  } catch (error) {
    if (failure !== undefined)
      throw new StorageError(`The body failed while it was sent: ${(failure as Error).message}`, { cause: failure });
    throw error;
  } finally {
    body.off('error', onError);
  }
}
