/**
 * Keeps a meeting's due-meeting row in step with its evidence: the number of photos and videos
 * that count (not removed, not failed) and of open flags. Every writer of media or flags calls it
 * after its change, so dashboards read counts instead of joining media and flags.
 */
export interface EvidenceCounts {
  refresh(meetingId: string): Promise<void>;
}
