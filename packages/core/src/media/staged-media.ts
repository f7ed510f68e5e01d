import type { JobQueue } from '../jobs/jobs.ts';
import { ValidationError, type FieldIssue } from '../errors/index.ts';
import type { MediaStore } from './media-store.port.ts';
import { assetPrefix } from './storage-keys.ts';

/** A file named in a report's `mediaIds`, as far as attaching it is concerned. */
export interface StagedCandidate {
  id: string;
  enterpriseId: string | null;
  meetingId: string | null;
  staged: boolean;
}

export interface StagedMediaRepository {
  findCandidates(ids: readonly string[]): Promise<StagedCandidate[]>;
  /** Moves the still-staged files among `ids` to the meeting; returns those already READY. */
  attach(ids: readonly string[], meetingId: string): Promise<string[]>;
  /**
   * Moves the staged recordings of lives held for this team's shift on this date (a live or an
   * automatic camera recording that ended before the meeting was reported) to the meeting, and
   * links those lives to it; returns the recordings already READY.
   */
  attachLiveRecordings(meetingId: string, slot: { teamId: string; shiftId: string; meetingDate: string }): Promise<string[]>;
  /** Staged files past their keeping time whose upload finished (open uploads expire on their own). */
  listStale(createdBefore: Date, limit: number): Promise<string[]>;
  deleteAsset(id: string): Promise<void>;
}

export interface StagedMediaPolicy {
  /** How long a file uploaded for a report that was never submitted is kept. */
  keepDays: number;
}

/**
 * Files uploaded while a report is still being written. The phone starts sending photos and
 * video the moment they are taken, before the meeting exists; they wait here, held for the
 * enterprise, and join the meeting when the report is submitted, so a meeting never counts as
 * reported before its evidence was even picked.
 */
export class StagedMedia {
  constructor(
    private readonly repo: StagedMediaRepository,
    private readonly store: MediaStore,
    private readonly jobs: JobQueue,
    private readonly policy: StagedMediaPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Throws a ValidationError naming each id the report may not take: unknown, another
   * enterprise's (the same answer, so ids of others reveal nothing) or another meeting's.
   * Files already attached to `meetingId` pass: a retried submission is not an error.
   */
  async assertAttachable(enterpriseId: string, meetingId: string | null, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = new Map((await this.repo.findCandidates(ids)).map((c) => [c.id, c]));
    const issues: FieldIssue[] = [];
    ids.forEach((id, i) => {
      const candidate = found.get(id);
      if (!candidate || candidate.enterpriseId !== enterpriseId) {
        issues.push({ field: `mediaIds.${i}`, code: 'STAGED_MEDIA_UNKNOWN', message: 'no such file of your enterprise; upload it again' });
      } else if (!candidate.staged && candidate.meetingId !== meetingId) {
        issues.push({ field: `mediaIds.${i}`, code: 'MEDIA_OF_OTHER_MEETING', message: 'this file is evidence of another meeting' });
      }
    });
    if (new Set(ids).size !== ids.length) issues.push({ field: 'mediaIds', code: 'DUPLICATE_MEDIA', message: 'lists a file twice' });
    if (issues.length) throw new ValidationError(issues);
  }

  /** Attaches the files and queues the evidence checks of those already processed. */
  async attach(meetingId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const ready = await this.repo.attach(ids, meetingId);
    // The others are checked when their processing finishes (it reads the meeting again then).
    for (const assetId of ready) await this.jobs.send('evidence.check', { assetId }, { singletonKey: assetId });
  }

  /** Recordings of lives of the meeting's team, shift and date join the meeting when it is reported. */
  async attachLiveRecordings(meetingId: string, slot: { teamId: string; shiftId: string; meetingDate: string }): Promise<void> {
    const ready = await this.repo.attachLiveRecordings(meetingId, slot);
    for (const assetId of ready) await this.jobs.send('evidence.check', { assetId }, { singletonKey: assetId });
  }

  /** Deletes files of reports never submitted, with everything derived from them. */
  async purgeStale(limit = 200): Promise<number> {
    const before = new Date(this.now().getTime() - this.policy.keepDays * 86_400_000);
    const stale = await this.repo.listStale(before, limit);
    for (const id of stale) {
      await this.store.deletePrefix(assetPrefix(id));
      await this.repo.deleteAsset(id);
    }
    return stale.length;
  }
}
