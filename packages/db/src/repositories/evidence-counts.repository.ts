import type { EvidenceCounts } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * Recounts a meeting's evidence and open flags on its due-meeting row. Triggers on media and flags
 * call the same function on every change (migration 20261201034000_due_meeting_counts); this is
 * for the moment a report first lands on its slot.
 */
export function createEvidenceCounts(prisma: PrismaClient): EvidenceCounts {
  return {
    async refresh(meetingId) {
      await prisma.$executeRaw`SELECT refresh_due_meeting_counts(${meetingId}::uuid)`;
    },
  };
}
