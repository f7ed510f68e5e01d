import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.ts';

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

  it('leaves query and data errors alone', () => {
    expect(isDatabaseUnavailable(prismaError('P2002'))).toBe(false);
    expect(isDatabaseUnavailable(prismaError('P2010', { driverAdapterError: { cause: { kind: 'postgres', code: '23505' } } }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
