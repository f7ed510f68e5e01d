import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';
import { conflictOf } from './unique-violation.ts';

export type { PrismaClient };

/**
 * Creates a Prisma client over the pg driver adapter; the caller owns it and must `$disconnect()`.
 * Every model write on it, in or out of a transaction, turns a unique-constraint violation into
 * the ConflictError that names the clash (see unique-violation.ts): services check first, but two
 * requests can pass the check together, and the index is what decides.
 */
export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ model, args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw conflictOf(error, model, args) ?? error;
        }
      },
    },
  });
  // A query extension changes no model or result type, so the extended client is used as the plain one.
  return client as unknown as PrismaClient;
}
