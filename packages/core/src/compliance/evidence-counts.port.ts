/**
 * Recounts a meeting's evidence (photos and videos not removed, not failed) and open flags on its
 * due-meeting row, so dashboards read counts instead of joining media and flags. Database triggers
 * do this on every change of media or flags; callers use it when a report first lands on its slot.
 */
export interface EvidenceCounts {
  refresh(meetingId: string): Promise<void>;
}
