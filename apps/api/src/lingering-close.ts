import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';

/** How much of a refused body is read and thrown away, at most, while the answer reaches the client. */
export interface LingerLimits {
  bytes: number;
  ms: number;
}

const DEFAULT_LIMITS: LingerLimits = { bytes: 4 * 1024 * 1024, ms: 2_000 };

/**
 * Closes the connection of a request whose body was refused part-way through, as nginx's
 * lingering close does: the answer, then our half of the connection, then whatever the client
 * still sends is read and discarded for a moment, then the socket is destroyed. Node ends a
 * `connection: close` answer by destroying the socket as soon as the answer is written; with the
 * client's bytes still unread, the kernel answers them with a reset, which can overtake the answer,
 * and the client sees a broken connection (EPIPE, ECONNRESET) instead of the 413 that says why.
 * Call it before the answer is sent; the limits keep a hostile client from holding the socket.
 */
export function lingerAfterAnswer(request: IncomingMessage, limits: LingerLimits = DEFAULT_LIMITS): void {
  const socket = request.socket;
  // Only a connection has anything to linger on (an injected request's stand-in socket has not).
  if (!(socket instanceof Socket)) return;
  const close = () => socket.destroy();
  const timer = setTimeout(close, limits.ms);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  // What Node calls once the answer is written: half-close only; the timer, the byte limit or the
  // client's own close ends the socket.
  socket.destroySoon = () => void socket.end();
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limits.bytes) close();
  });
  request.resume();
}
