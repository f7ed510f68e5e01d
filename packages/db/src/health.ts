import type { PrismaClient } from './generated/prisma/client.ts';

/** Round-trips a trivial query; throws when the database is unreachable. */
export async function checkDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
