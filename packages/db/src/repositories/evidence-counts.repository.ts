import type { EvidenceCounts } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** One UPDATE that recounts a meeting's evidence and open flags on its due-meeting row. */
export function createEvidenceCounts(prisma: PrismaClient): EvidenceCounts {
  return {
    async refresh(meetingId) {
      await prisma.$executeRaw`
        UPDATE due_meeting SET
          "evidenceCount" = (SELECT count(*)::int FROM media_asset a
             WHERE a."meetingId" = ${meetingId}::uuid AND a."removedAt" IS NULL
               AND a.status NOT IN ('UPLOADING', 'FAILED')),
          "flagCount" = (SELECT count(*)::int FROM meeting_flag f
             WHERE f."meetingId" = ${meetingId}::uuid AND f."resolvedAt" IS NULL),
          "updatedAt" = now()
        WHERE "meetingId" = ${meetingId}::uuid`;
    },
  };
}
