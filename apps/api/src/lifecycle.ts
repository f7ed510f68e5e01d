/**
 * Where the API process is in its life, as the readiness probe reports it. One per process:
 * server.ts sets `draining` at SIGTERM, and the health routes read it.
 */
export class Lifecycle {
  #draining = false;

  /** True from SIGTERM on: readiness answers 503 so the load balancer stops sending new requests. */
  get draining(): boolean {
    return this.#draining;
  }

  startDraining(): void {
    this.#draining = true;
  }
}
