import type { Meeting, MeetingInput, MeetingQuery, MeetingSummary, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { EventPublisher } from '../events/event.port.ts';
import type { MediaService } from '../media/media.service.ts';
import type { StagedMedia } from '../media/staged-media.ts';
import type { MeetingRecord, MeetingRepository, MeetingWrite, ShiftForMeeting } from './meeting.port.ts';
import { meetingScopeOf, scopeIncludes } from '../access/scope.ts';
import type { ComplianceService, ReportFacts } from '../compliance/compliance.service.ts';
import type { EvidenceCounts } from '../compliance/evidence-counts.port.ts';
import { reportTimingIssues } from '../compliance/timeliness.ts';
import type { ReviewStatus } from '@platform/contracts';

/** The meeting's columns for a report's facts. */
function timelinessOf(facts: ReportFacts): { timeliness: 'ON_TIME' | 'LATE'; heldOnTime: boolean } {
  return { timeliness: facts.reportedOnTime ? 'ON_TIME' : 'LATE', heldOnTime: facts.heldOnTime };
}

/** The enterprise may edit a report until it is accepted or flagged; a correction request reopens it. */
function isEditable(status: ReviewStatus | string): boolean {
  return status === 'PENDING' || status === 'CORRECTION_REQUESTED';
}

/** 班前会: reporting and editing by the enterprise, scoped reading for everyone entitled. */
export class MeetingService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly media: MediaService,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
    private readonly compliance: ComplianceService,
    private readonly evidence: EvidenceCounts,
    private readonly staged: StagedMedia,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(actor: Actor, input: MeetingInput): Promise<Meeting> {
    const { write, shift } = await this.validate(actor, input);
    const existing = await this.meetings.findIdFor(input.teamId, input.shiftId, input.meetingDate);
    if (existing) {
      // The same report sent again (its answer was lost on a weak network): the meeting it made.
      if (input.clientRef && existing.clientRef === input.clientRef) return this.get(actor, existing.id);
      throw new ConflictError(
        'MEETING_ALREADY_REPORTED',
        `This team's meeting for that shift on ${input.meetingDate} is already reported; open it to edit instead.`,
        {
          params: { date: input.meetingDate },
        },
      );
    }
    await this.staged.assertAttachable(write.enterpriseId, null, input.mediaIds);
    const reportedAt = this.now();
    const slot = await this.compliance.slotFor({ id: write.teamId, enterpriseId: write.enterpriseId }, shift, input.meetingDate);
    const facts = this.compliance.factsOf(slot, { reportedAt, startedAt: write.startedAt });
    const id = await this.meetings.create(write, {
      reportedById: actor.userId,
      reportedAt,
      source: actor.apiTokenId ? 'API' : 'WEB',
      clientRef: input.clientRef ?? null,
      ...timelinessOf(facts),
    });
    await this.compliance.recordReport(slot, { meetingId: id, reportedAt }, facts);
    // Files uploaded while the report was written join it now; the media_asset trigger recounts the slot.
    await this.staged.attach(id, input.mediaIds);
    // A live of this team's shift that ended before the report (an automatic camera recording) brings its video.
    await this.staged.attachLiveRecordings(id, { teamId: write.teamId, shiftId: write.shiftId, meetingDate: write.meetingDate });
    const meeting = (await this.meetings.findById(id))!;
    await this.audit.record({
      actor,
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      enterpriseId: write.enterpriseId,
      outcome: 'SUCCESS',
      details: { teamId: input.teamId, shiftId: input.shiftId, date: input.meetingDate, files: input.mediaIds.length },
    });
    await this.events.publish({ type: 'meeting.reported', meetingId: id, enterpriseId: meeting.enterpriseId, zoneId: meeting.zoneId });
    return this.withMedia(actor, meeting);
  }

  async update(actor: Actor, id: string, input: MeetingInput): Promise<Meeting> {
    const existing = await this.meetings.findById(id);
    if (!existing) throw new NotFoundError('meeting', id);
    await this.access.assertCanManage(actor, existing.enterpriseId, { entityType: 'meeting', entityId: id });
    if (!isEditable(existing.reviewStatus))
      throw new ConflictError('MEETING_ALREADY_REVIEWED', 'This meeting has been reviewed and can no longer be edited.');
    const { write, shift } = await this.validate(actor, input);
    const clash = await this.meetings.findIdFor(input.teamId, input.shiftId, input.meetingDate);
    if (clash && clash.id !== id)
      throw new ConflictError('MEETING_ALREADY_REPORTED', 'Another report already covers this team, shift and date.', {
        params: { date: input.meetingDate },
      });
    await this.staged.assertAttachable(existing.enterpriseId, id, input.mediaIds);
    await this.meetings.update(id, write);
    await this.staged.attach(id, input.mediaIds);
    const slot = await this.compliance.slotFor({ id: write.teamId, enterpriseId: write.enterpriseId }, shift, input.meetingDate);
    const facts = await this.compliance.moveReport(id, slot, {
      reportedAt: new Date(existing.reportedAt ?? this.now()),
      startedAt: write.startedAt,
    });
    await this.meetings.setTimeliness(id, timelinessOf(facts));
    // The files and flags follow the meeting to its new slot.
    await this.evidence.refresh(id);
    await this.audit.record({
      actor,
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: id,
      enterpriseId: existing.enterpriseId,
      outcome: 'SUCCESS',
      details: { changed: changedFields(existing, write) },
    });
    await this.events.publish({ type: 'meeting.updated', meetingId: id, enterpriseId: existing.enterpriseId, zoneId: existing.zoneId });
    return this.withMedia(actor, (await this.meetings.findById(id))!);
  }

  async get(actor: Actor, id: string): Promise<Meeting> {
    const meeting = await this.meetings.findById(id);
    if (!meeting) throw new NotFoundError('meeting', id);
    await this.access.assertCanRead(actor, meeting.enterpriseId, { entityType: 'meeting', entityId: id }, meetingScopeOf);
    return this.withMedia(actor, meeting);
  }

  list(actor: Actor, query: MeetingQuery): Promise<Page<MeetingSummary>> {
    return this.meetings.list(meetingScopeOf(actor), query);
  }

  private async withMedia(actor: Actor, meeting: MeetingRecord): Promise<Meeting> {
    const { enterpriseId: _e, zoneId: _z, flags, ...rest } = meeting;
    const mediaDetails = await Promise.all(meeting.media.map((m) => this.media.get(actor, m.id)));
    const scope = meetingScopeOf(actor);
    return {
      ...rest,
      // The other meeting of a reused photo is named only to those who may open it.
      flags: flags.map(({ relatedMeeting, ...flag }) => ({
        ...flag,
        relatedMeeting: relatedMeeting && scopeIncludes(scope, relatedMeeting.enterprise) ? relatedMeeting.summary : null,
      })),
      editable: isEditable(meeting.reviewStatus),
      mediaRemovable: meeting.reviewStatus === 'PENDING',
      mediaDetails,
    };
  }

  /** Checks the team, shift and roster belong together and to the actor's enterprise. */
  private async validate(actor: Actor, input: MeetingInput): Promise<{ write: MeetingWrite; shift: ShiftForMeeting }> {
    const team = await this.meetings.findTeam(input.teamId);
    if (!team) throw new NotFoundError('team', input.teamId);
    await this.access.assertCanManage(actor, team.enterpriseId, { entityType: 'team', entityId: team.id });
    const issues: FieldIssue[] = [];
    const shift = await this.meetings.findShift(input.shiftId);
    if (!shift || shift.enterpriseId !== team.enterpriseId)
      issues.push({ field: 'shiftId', code: 'SHIFT_NOT_IN_ENTERPRISE', message: "not a shift of this team's enterprise" });
    else if (!team.shiftIds.includes(shift.id))
      issues.push({
        field: 'shiftId',
        code: 'SHIFT_NOT_OF_TEAM',
        params: { team: team.name, shift: shift.name },
        message: `team ${team.name} does not work shift ${shift.name}; assign the shift to the team first`,
      });
    const roster = new Map(team.members.map((m) => [m.id, m.name]));
    input.attendance.forEach((a, i) => {
      if (!roster.has(a.teamMemberId))
        issues.push({ field: `attendance.${i}.teamMemberId`, code: 'NOT_ON_ROSTER', message: 'not on this team’s roster' });
      if (!a.present && !a.absenceReason?.trim())
        issues.push({ field: `attendance.${i}.absenceReason`, code: 'ABSENCE_REASON_REQUIRED', message: 'give a reason for the absence' });
    });
    if (new Set(input.attendance.map((a) => a.teamMemberId)).size !== input.attendance.length)
      issues.push({ field: 'attendance', code: 'DUPLICATE_MEMBER', message: 'lists a member twice' });
    const startedAt = new Date(input.startedAt);
    const endedAt = input.endedAt ? new Date(input.endedAt) : null;
    if (endedAt && endedAt <= startedAt) issues.push({ field: 'endedAt', code: 'END_BEFORE_START', message: 'must be after the start' });
    if (shift && !issues.some((i) => i.field === 'shiftId'))
      issues.push(
        ...reportTimingIssues(
          { date: input.meetingDate, startedAt, endedAt },
          shift,
          this.compliance.slotTimes(shift, input.meetingDate),
          this.now(),
        ),
      );
    if (issues.length) throw new ValidationError(issues);
    const write: MeetingWrite = {
      enterpriseId: team.enterpriseId,
      teamId: team.id,
      shiftId: input.shiftId,
      meetingDate: input.meetingDate,
      startedAt,
      endedAt,
      hostName: input.hostName,
      taskBriefing: input.taskBriefing,
      safetyBriefing: input.safetyBriefing,
      measureBriefing: input.measureBriefing,
      attireChecked: input.attireChecked,
      mentalChecked: input.mentalChecked,
      ppeChecked: input.ppeChecked,
      checkNotes: input.checkNotes ?? null,
      hazards: input.hazards,
      topics: input.topics ?? null,
      notes: input.notes ?? null,
      attendance: input.attendance.map((a) => ({
        teamMemberId: a.teamMemberId,
        name: roster.get(a.teamMemberId)!,
        present: a.present,
        absenceReason: a.present ? null : (a.absenceReason ?? null),
      })),
      expectedCount: input.attendance.length,
      presentCount: input.attendance.filter((a) => a.present).length,
    };
    return { write, shift: shift! };
  }
}

/** Names of the fields an edit changed, for the audit trail. */
function changedFields(before: MeetingRecord, after: MeetingWrite): string[] {
  const keys = [
    'hostName',
    'taskBriefing',
    'safetyBriefing',
    'measureBriefing',
    'attireChecked',
    'mentalChecked',
    'ppeChecked',
    'checkNotes',
    'topics',
    'notes',
  ] as const;
  const changed: string[] = keys.filter((k) => before[k] !== after[k]);
  if (before.hazards.join('|') !== after.hazards.join('|')) changed.push('hazards');
  if (before.presentCount !== after.presentCount || before.expectedCount !== after.expectedCount) changed.push('attendance');
  if (before.startedAt !== after.startedAt.toISOString()) changed.push('startedAt');
  return changed;
}
