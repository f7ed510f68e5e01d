import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { Prisma } from './generated/prisma/client.ts';

const prismaError = (code: string, meta?: unknown) =>
  Object.assign(new Error('prisma'), { name: 'PrismaClientKnownRequestError', code, meta });

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is stopped, restarting or unreachable', () => {
    // What Prisma over the pg adapter threw with PostgreSQL stopped (seen in npm run test:faults).
    expect(isDatabaseUnavailable(prismaError('P1001', { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { cause: { kind: 'postgres', code: '57P03' } } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('job not sent', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe(
      true,
    );
  });

  it('recognises a database too busy to start or finish a transaction in time (P2028)', () => {
    // Prisma 7 over the pg adapter, as tests/integration/database-busy.test.ts gets them from a full pool.
    const p2028 = (message: string, meta?: Record<string, unknown>) =>
      new Prisma.PrismaClientKnownRequestError(message, { code: 'P2028', clientVersion: Prisma.prismaVersion.client, meta });
    expect(isDatabaseUnavailable(p2028('Transaction API error: Unable to start a transaction in the given time.'))).toBe(true);
    const expired = (operation: string) =>
      p2028(
        `\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nTransaction API error: A ${operation} cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5012 ms passed since the start of the transaction. Consider increasing the interactive transaction timeout or doing less work in the transaction.`,
        { operation, timeout: 5000, timeTaken: 5012 },
      );
    expect(isDatabaseUnavailable(expired('query'))).toBe(true);
    expect(isDatabaseUnavailable(expired('commit'))).toBe(true);
    // A transaction client used after its transaction ended is a bug in the code, not a busy database.
    expect(
      isDatabaseUnavailable(
        p2028('Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.'),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(p2028('Transaction API error: Transaction not found. Transaction ID is invalid.'))).toBe(false);
    expect(isDatabaseUnavailable(p2028('Transaction API error: Invalid isolation level: Chaos', { isolationLevel: 'Chaos' }))).toBe(false);
  });

  it('leaves query and data errors alone', () => {
    expect(isDatabaseUnavailable(prismaError('P2002'))).toBe(false);
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { cause: { kind: 'postgres', code: '23505' } } }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
