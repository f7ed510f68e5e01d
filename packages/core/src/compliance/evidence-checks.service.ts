import type { Logger } from '../logging/logger.port.ts';
import type { EvidenceCounts } from './evidence-counts.port.ts';
import type { EvidenceCheckRepository, EvidenceSubject } from './evidence-check.port.ts';
import { reuseFindings, ruleFindings, type EvidenceCheckSettings, type ReuseHit } from './evidence-rules.ts';
import { reuseMatch, reuseProbes } from './photo-reuse.ts';

// Candidates read per photo. Far more than a real reuse produces; it bounds the work for a picture
// that is everywhere (a blank wall, a logo) so one job never reads a million rows.
const CANDIDATE_LIMIT = 2000;

/**
 * The `evidence.check` job: compares one processed photo or video with its meeting, its
 * enterprise's location and every other meeting's evidence, and stores what it finds as flags
 * for a reviewer. Safe to run again: flags are keyed per finding.
 */
export class EvidenceCheckService {
  constructor(
    private readonly repo: EvidenceCheckRepository,
    private readonly counts: EvidenceCounts,
    private readonly settings: EvidenceCheckSettings,
  ) {}

  /** Runs every check on the asset; returns the number of new flags. */
  async check(assetId: string, log?: Logger): Promise<number> {
    const subject = await this.repo.loadSubject(assetId);
    if (!subject) return 0;
    const flags = [
      ...ruleFindings(subject, this.settings),
      ...reuseFindings(subject.asset.id, subject.asset.kind, await this.reuseHits(subject)),
    ];
    const added = flags.length ? await this.repo.saveFlags(subject.meeting.id, flags) : 0;
    if (added) await this.counts.refresh(subject.meeting.id);
    log?.info({ assetId, meetingId: subject.meeting.id, flags: flags.map((f) => f.key), added }, 'evidence checked');
    return added;
  }

  /** Byte-identical files of any kind, and for photos the perceptual matches on top. */
  private async reuseHits(subject: EvidenceSubject): Promise<ReuseHit[]> {
    const hits = new Map((await this.repo.findIdentical(subject)).map((hit) => [hit.assetId, hit]));
    const hashes = subject.asset.photoHashes;
    if (subject.asset.kind !== 'PHOTO' || !hashes?.length) return [...hits.values()];
    const candidates = await this.repo.findHashCandidates(subject, reuseProbes(hashes, this.settings.reuse), CANDIDATE_LIMIT);
    for (const candidate of candidates) {
      if (hits.has(candidate.assetId)) continue;
      const match = reuseMatch(hashes, candidate.hashes, this.settings.reuse);
      if (match) hits.set(candidate.assetId, { assetId: candidate.assetId, meetingId: candidate.meetingId, identical: false, ...match });
    }
    return [...hits.values()];
  }
}
