// PostgreSQL's "the server is going away / not ready" codes: admin_shutdown, crash_shutdown,
// cannot_connect_now (starting up or in recovery), and the connection_exception class.
const PG_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
// Prisma's "can't reach", "timed out", "server closed the connection", "pool timed out".
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
// What the pg driver adapter calls a connection that is gone or never came.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// Prisma's P2028 ("Transaction API error") when the database is too busy: no connection came
// within the transaction's maxWait, or the transaction outlived its timeout waiting on queries
// (then any query or the commit is refused). Other P2028s (a transaction used after its commit or
// rollback, an unknown id, an invalid isolation level) are programming errors and stay 500s.
const TRANSACTION_BUSY = /Unable to start a transaction in the given time|cannot be executed on an expired transaction/;

interface Failure {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
}

/**
 * True when `error` (from Prisma, the pg driver or pg-boss, possibly wrapped as a `cause`) says
 * the database is not answering — stopped, restarting, failing over, or too busy to give a
 * connection or finish a transaction in time — rather than that the query was wrong. Such a
 * request is worth repeating shortly, so the API answers it 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const failure = current as Failure;
    const code = typeof failure.code === 'string' ? failure.code : undefined;
    const adapter = failure.meta?.driverAdapterError?.cause;
    if (code && (PG_CODES.has(code) || PRISMA_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    if (code === 'P2028' && typeof failure.message === 'string' && TRANSACTION_BUSY.test(failure.message)) return true;
    if (typeof adapter?.kind === 'string' && ADAPTER_KINDS.has(adapter.kind)) return true;
    if (adapter?.kind === 'postgres' && typeof adapter.code === 'string' && PG_CODES.has(adapter.code)) return true;
    // pg's own words for a socket closed under a query; it carries no code.
    if (typeof failure.message === 'string' && /^Connection terminated/.test(failure.message)) return true;
    current = failure.cause;
  }
  return false;
}
