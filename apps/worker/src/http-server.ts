import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@platform/core';
import { scrapeAllowed, scrapeRequestOf, type Registry } from '@platform/jobs/metrics';

export interface WorkerHttpOptions {
  port: number;
  host: string;
  /** METRICS_TOKEN; without it only loopback callers may read /metrics. */
  metricsToken: string | undefined;
  registry: Registry;
  /** Whether the worker takes jobs: its runtime is open (connected to the queue) and it is not stopping. */
  isReady(): boolean;
  log: Logger;
}

/** The worker's HTTP server; `port` is the one it listens on (the OS's choice when asked for 0). */
export interface WorkerHttpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP server beside the job runner, for the orchestrator and Prometheus:
 * `GET /health/live` (200 while the event loop runs), `GET /health/ready` (200 while taking jobs,
 * else 503, so a stopping worker leaves the rotation) and `GET /metrics` (the process's registry,
 * under the same rule as the API's). Anything else is 404.
 */
export async function startWorkerHttpServer(options: WorkerHttpOptions): Promise<WorkerHttpServer> {
  const server = createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      options.log.error({ err: error, url: request.url }, 'worker http request failed');
      if (!response.headersSent) send(response, 500, 'application/json', JSON.stringify({ status: 'error' }));
      else response.destroy();
    });
  });
  // Scrapes and probes are short; an idle connection must not hold the stop.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: WorkerHttpOptions): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 404, 'application/json', '{"status":"not found"}');
  if (path === '/health/live') return send(response, 200, 'application/json', '{"status":"ok"}');
  if (path === '/health/ready') {
    const ready = options.isReady();
    return send(response, ready ? 200 : 503, 'application/json', JSON.stringify({ status: ready ? 'ok' : 'stopping' }));
  }
  if (path === '/metrics') {
    const allowed = scrapeAllowed(options.metricsToken, scrapeRequestOf(request));
    if (allowed) return send(response, 200, options.registry.contentType, await options.registry.metrics());
  }
  send(response, 404, 'application/json', '{"status":"not found"}');
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
