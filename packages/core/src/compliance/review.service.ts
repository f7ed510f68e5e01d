import type { CorrectionResponseInput, Meeting, ReviewInput, ReviewStatus } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { meetingScopeOf, requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import type { EventPublisher } from '../events/event.port.ts';
import type { MeetingRecord, MeetingRepository, ReviewWrite } from '../meetings/meeting.port.ts';
import type { MeetingService } from '../meetings/meeting.service.ts';
import type { EvidenceCounts } from './evidence-counts.port.ts';

/** What each reviewer action does to the meeting. */
const EFFECT: Record<ReviewInput['action'], Pick<ReviewWrite, 'reviewStatus' | 'bestPractice'>> = {
  APPROVE: { reviewStatus: 'APPROVED' },
  FLAG: { reviewStatus: 'FLAGGED' },
  REQUEST_CORRECTION: { reviewStatus: 'CORRECTION_REQUESTED' },
  // Held up as an example to every enterprise (总结推广好的经验做法): it is accepted by the same act.
  MARK_BEST_PRACTICE: { reviewStatus: 'APPROVED', bestPractice: true },
  UNMARK_BEST_PRACTICE: { bestPractice: false },
};

const NOTE_REQUIRED: ReviewInput['action'][] = ['FLAG', 'REQUEST_CORRECTION'];

/**
 * The inspector's side of a meeting (accept, flag, ask for a correction, hold up as best practice)
 * and the enterprise's (answer a correction, remove a wrong file before review). Inspectors review
 * every enterprise, zone officers those of their zone; findings are for people to act on.
 */
export class ReviewService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly meetingService: MeetingService,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
    private readonly evidence: EvidenceCounts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async review(actor: Actor, meetingId: string, input: ReviewInput): Promise<Meeting> {
    requireRole(actor, 'INSPECTOR', 'ZONE_OFFICER');
    const meeting = await this.load(actor, meetingId);
    const note = input.note?.trim() || null;
    if (NOTE_REQUIRED.includes(input.action) && !note)
      throw new ValidationError([
        { field: 'note', code: 'REVIEW_NOTE_REQUIRED', message: 'say what is wrong and what the enterprise should do' },
      ]);
    if (input.action === 'UNMARK_BEST_PRACTICE' && !meeting.bestPractice)
      throw new ConflictError('REVIEW_NOT_APPLICABLE', 'This meeting is not marked as best practice.');
    if (input.action === 'MARK_BEST_PRACTICE' && meeting.bestPractice)
      throw new ConflictError('REVIEW_NOT_APPLICABLE', 'This meeting is already marked as best practice.');
    await this.meetings.addReview(meetingId, {
      authorId: actor.userId!,
      action: input.action,
      note,
      ...EFFECT[input.action],
      manualFlag:
        input.action === 'FLAG' ? { key: `MANUAL:${this.now().toISOString()}`, detail: `flagged by ${actor.username}` } : undefined,
    });
    if (input.action === 'FLAG') await this.evidence.refresh(meetingId);
    await this.finish(actor, meeting, 'meeting.review', {
      action: input.action,
      from: meeting.reviewStatus,
      to: EFFECT[input.action].reviewStatus,
    });
    return this.meetingService.get(actor, meetingId);
  }

  /** The enterprise's answer to a correction request; the meeting goes back to the reviewer. */
  async respond(actor: Actor, meetingId: string, input: CorrectionResponseInput): Promise<Meeting> {
    const meeting = await this.load(actor, meetingId);
    await this.access.assertCanManage(actor, meeting.enterpriseId, { entityType: 'meeting', entityId: meetingId });
    if (meeting.reviewStatus !== 'CORRECTION_REQUESTED')
      throw new ConflictError('NO_CORRECTION_REQUESTED', 'No correction of this meeting was requested, or it was already answered.');
    await this.meetings.addReview(meetingId, { authorId: actor.userId!, action: 'RESPOND', note: input.note, reviewStatus: 'RESUBMITTED' });
    await this.finish(actor, meeting, 'meeting.respond', { from: meeting.reviewStatus, to: 'RESUBMITTED' });
    return this.meetingService.get(actor, meetingId);
  }

  /**
   * Removes a file uploaded by mistake. Only before the first review: after it, what the reviewer
   * saw stays. The file is kept (not evidence any more) and the reviewer sees it was removed.
   */
  async removeFile(actor: Actor, assetId: string): Promise<void> {
    const file = await this.meetings.findEvidenceFile(assetId);
    if (!file?.meetingId || !file.enterpriseId || file.removedAt) throw new NotFoundError('media', assetId);
    await this.access.assertCanManage(actor, file.enterpriseId, { entityType: 'media', entityId: assetId });
    const meeting = (await this.meetings.findById(file.meetingId))!;
    if (meeting.reviewStatus !== 'PENDING')
      throw new ConflictError('MEETING_ALREADY_REVIEWED', 'This meeting has been reviewed; its files can no longer be removed.');
    await this.meetings.removeEvidenceFile(assetId, actor.userId, this.now());
    await this.evidence.refresh(meeting.id);
    await this.audit.record({
      actor,
      action: 'media.remove',
      entityType: 'media',
      entityId: assetId,
      entityLabel: file.originalName,
      enterpriseId: file.enterpriseId,
      outcome: 'SUCCESS',
      details: { meetingId: meeting.id },
    });
    await this.events.publish({
      type: 'meeting.updated',
      meetingId: meeting.id,
      enterpriseId: meeting.enterpriseId,
      zoneId: meeting.zoneId,
    });
  }

  private async load(actor: Actor, meetingId: string): Promise<MeetingRecord> {
    const meeting = await this.meetings.findById(meetingId);
    if (!meeting) throw new NotFoundError('meeting', meetingId);
    await this.access.assertCanRead(actor, meeting.enterpriseId, { entityType: 'meeting', entityId: meetingId }, meetingScopeOf);
    return meeting;
  }

  private async finish(
    actor: Actor,
    meeting: MeetingRecord,
    action: 'meeting.review' | 'meeting.respond',
    details: { action?: ReviewInput['action']; from: ReviewStatus; to?: ReviewStatus },
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      entityType: 'meeting',
      entityId: meeting.id,
      entityLabel: `${meeting.enterprise.name} ${meeting.team.name} ${meeting.meetingDate}`,
      enterpriseId: meeting.enterpriseId,
      outcome: 'SUCCESS',
      details,
    });
    await this.events.publish({
      type: 'meeting.updated',
      meetingId: meeting.id,
      enterpriseId: meeting.enterpriseId,
      zoneId: meeting.zoneId,
    });
  }
}
