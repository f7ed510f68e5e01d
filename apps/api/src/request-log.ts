import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's request log lines at levels that keep the log readable: a page of HLS segments is
 * hundreds of requests, so one line per finished request at debug, slow ones at info, server
 * errors at warn (the error handler has logged the error itself, with its stack, at error), and
 * nothing when a request arrives.
 */
export class RequestLogController extends LogController {
  constructor(private readonly slowMs: number) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const ms = Math.round(reply.elapsedTime);
    const status = reply.statusCode;
    const slow = ms >= this.slowMs;
    const fields = { method: request.method, url: request.url, status, ms, ...(error ? { err: error } : {}) };
    if (error || status >= 500) reply.log.warn(fields, 'request failed');
    else if (slow) reply.log.info(fields, 'slow request');
    else reply.log.debug(fields, 'request');
  }
}
