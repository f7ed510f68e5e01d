import type { Board, Meeting, MeetingInput, MeetingQuery, MeetingSummary, Page, WallQuery, WallStats } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { meetingScopeOf } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { EventPublisher } from '../events/event.port.ts';
import type { MediaService } from '../media/media.service.ts';
import type { MeetingRecord, MeetingRepository, MeetingWrite } from './meeting.port.ts';
import { clockFromMinutes } from '../org/clock.ts';
import { boardState, meetingWindow, runsOn, shanghaiDate, timelinessOf } from './shift-window.ts';

/** 班前会: reporting and editing by the enterprise, scoped reading for everyone entitled. */
export class MeetingService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly media: MediaService,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly events: EventPublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(actor: Actor, input: MeetingInput): Promise<Meeting> {
    const write = await this.validate(actor, input);
    if (await this.meetings.findIdFor(input.teamId, input.shiftId, input.meetingDate)) {
      throw new ConflictError(
        'MEETING_ALREADY_REPORTED',
        `This team's meeting for that shift on ${input.meetingDate} is already reported; open it to edit instead.`,
        {
          params: { date: input.meetingDate },
        },
      );
    }
    const shift = (await this.meetings.findShift(input.shiftId))!;
    const reportedAt = this.now();
    const id = await this.meetings.create(write, {
      reportedById: actor.userId,
      reportedAt,
      timeliness: timelinessOf(reportedAt, meetingWindow(shift, input.meetingDate)),
      source: actor.apiTokenId ? 'API' : 'WEB',
    });
    const meeting = (await this.meetings.findById(id))!;
    await this.audit.record({
      actor,
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      enterpriseId: write.enterpriseId,
      outcome: 'SUCCESS',
      details: { teamId: input.teamId, shiftId: input.shiftId, date: input.meetingDate },
    });
    await this.events.publish({ type: 'meeting.reported', meetingId: id, enterpriseId: meeting.enterpriseId, zoneId: meeting.zoneId });
    return this.withMedia(actor, meeting);
  }

  async update(actor: Actor, id: string, input: MeetingInput): Promise<Meeting> {
    const existing = await this.meetings.findById(id);
    if (!existing) throw new NotFoundError('meeting', id);
    await this.access.assertCanManage(actor, existing.enterpriseId, { entityType: 'meeting', entityId: id });
    if (existing.reviewStatus !== 'PENDING')
      throw new ConflictError('MEETING_ALREADY_REVIEWED', 'This meeting has been reviewed and can no longer be edited.');
    const write = await this.validate(actor, input);
    const clash = await this.meetings.findIdFor(input.teamId, input.shiftId, input.meetingDate);
    if (clash && clash !== id)
      throw new ConflictError('MEETING_ALREADY_REPORTED', 'Another report already covers this team, shift and date.', {
        params: { date: input.meetingDate },
      });
    await this.meetings.update(id, write);
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

  /** Each team × shift of the enterprise running on `date`, with its state now. */
  async board(actor: Actor, enterpriseId: string, date?: string): Promise<Board> {
    await this.access.assertCanRead(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    const day = date ?? shanghaiDate(this.now());
    const slots = await this.meetings.calendar({ kind: 'enterprise', enterpriseId }, {}, day);
    const now = this.now();
    const entries = slots
      .filter((s) => runsOn(s.shift, day))
      .map((s) => {
        const window = meetingWindow(s.shift, day);
        return {
          team: s.team,
          shift: {
            id: s.shift.id,
            name: s.shift.name,
            startTime: clockFromMinutes(s.shift.startMinute),
            endTime: clockFromMinutes(s.shift.endMinute),
          },
          dueFrom: window.dueFrom.toISOString(),
          dueUntil: window.dueUntil.toISOString(),
          state: boardState(now, window, s.meeting),
          meetingId: s.meeting?.id ?? null,
        };
      })
      .sort((a, b) => a.dueFrom.localeCompare(b.dueFrom) || a.team.name.localeCompare(b.team.name));
    return { date: day, enterpriseId, entries };
  }

  /** Today's counts for the command centre's header over the filtered enterprises in scope. */
  async wallStats(actor: Actor, query: WallQuery): Promise<WallStats> {
    const day = query.date ?? shanghaiDate(this.now());
    const now = this.now();
    const scope = meetingScopeOf(actor);
    const slots = (await this.meetings.calendar(scope, query, day)).filter((s) => runsOn(s.shift, day));
    const counts = { due: 0, reported: 0, late: 0, missing: 0 };
    for (const s of slots) {
      const state = boardState(now, meetingWindow(s.shift, day), s.meeting);
      if (state !== 'UPCOMING') counts.due++;
      if (state === 'REPORTED' || state === 'LATE') counts.reported++;
      if (state === 'LATE') counts.late++;
      if (state === 'MISSING') counts.missing++;
    }
    return { date: day, ...counts, enterprises: new Set(slots.map((s) => s.enterpriseId)).size };
  }

  private async withMedia(actor: Actor, meeting: MeetingRecord): Promise<Meeting> {
    const { enterpriseId: _e, zoneId: _z, ...rest } = meeting;
    const mediaDetails = await Promise.all(meeting.media.map((m) => this.media.get(actor, m.id)));
    return { ...rest, editable: meeting.reviewStatus === 'PENDING', mediaDetails };
  }

  /** Checks the team, shift and roster belong together and to the actor's enterprise. */
  private async validate(actor: Actor, input: MeetingInput): Promise<MeetingWrite> {
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
    if (startedAt.getTime() > this.now().getTime() + 10 * 60_000)
      issues.push({ field: 'startedAt', code: 'START_IN_FUTURE', message: 'is in the future; report a meeting after it has been held' });
    if (Math.abs(Date.parse(`${input.meetingDate}T12:00:00+08:00`) - startedAt.getTime()) > 36 * 3_600_000)
      issues.push({
        field: 'startedAt',
        code: 'START_NOT_ON_DATE',
        params: { date: input.meetingDate },
        message: `does not fall on or next to ${input.meetingDate}`,
      });
    if (issues.length) throw new ValidationError(issues);
    return {
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
