import type { BandProbe, PhotoHashSet } from './photo-reuse.ts';
import type { Coordinates, FlagDraft, MeetingFacts, ReuseHit } from './evidence-rules.ts';

/** One processed asset with its meeting and enterprise, as the evidence checks read them. */
export interface EvidenceSubject {
  asset: {
    id: string;
    kind: 'PHOTO' | 'VIDEO';
    sha256: string | null;
    capturedAt: Date | null;
    gps: Coordinates | null;
    durationMs: number | null;
    photoHashes: PhotoHashSet | null;
  };
  meeting: MeetingFacts;
  /** The enterprise's registered location, when it has one. */
  enterpriseLocation: Coordinates | null;
}

/** What the evidence checks read and write. */
export interface EvidenceCheckRepository {
  /** The asset if it is READY, not removed and attached to a meeting; else null (nothing to check). */
  loadSubject(assetId: string): Promise<EvidenceSubject | null>;
  /** Assets of the same kind with the same SHA-256 in other meetings (not removed, not failed). */
  findIdentical(subject: EvidenceSubject): Promise<ReuseHit[]>;
  /**
   * Photos of other meetings found by the band probes (an indexed lookup, never a scan), with their
   * hashes so the rule can be applied to each. `limit` caps the candidates read.
   */
  findHashCandidates(
    subject: EvidenceSubject,
    probes: BandProbe[],
    limit: number,
  ): Promise<{ assetId: string; meetingId: string; hashes: PhotoHashSet }[]>;
  /** Writes the flags; one with a key the meeting already has is left as it is. */
  saveFlags(meetingId: string, flags: FlagDraft[]): Promise<number>;
}
