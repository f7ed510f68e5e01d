import type { Board, Dashboard, DashboardQuery, MissingList, MissingQuery, WallQuery, WallStats } from '@platform/contracts';
import { ValidationError } from '../errors/index.ts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { meetingScopeOf, requireRole } from '../access/scope.ts';
import type { JobQueue } from '../jobs/jobs.ts';
import type { Logger } from '../logging/logger.port.ts';
import { clockFromMinutes } from '../org/clock.ts';
import { meetingWindow, shanghaiDate, type ShiftTimes } from '../meetings/shift-window.ts';
import type { ComplianceStatsRepository, DueMeetingRepository, DueMeetingRow, DueSlotWrite, StateCounts } from './due-meeting.port.ts';
import { addDays, dueMeetings } from './due-meetings.ts';
import { evidenceDeadline, heldOnTime, reportedOnTime, slotState, type SlotTimes } from './timeliness.ts';

/** Holding and reporting, the two timeliness facts of a report. */
export interface ReportFacts {
  reportedOnTime: boolean;
  heldOnTime: boolean;
}

export interface ComplianceSettings {
  /** Minutes after the meeting window a report is still on time (and evidence may follow a report). */
  reportGraceMinutes: number;
}

/** A dashboard period longer than this is refused: a year of a district is what the bench measures. */
const MAX_DASHBOARD_DAYS = 366;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function zeroCounts(): StateCounts {
  return { due: 0, reported: 0, onTime: 0, late: 0, noEvidence: 0, missing: 0, heldOutsideWindow: 0, flagged: 0 };
}

function addCounts(a: StateCounts, b: StateCounts): StateCounts {
  const sum = zeroCounts();
  for (const k of Object.keys(sum) as (keyof StateCounts)[]) sum[k] = a[k] + b[k];
  return sum;
}

/** How long today's materialised slots stay fresh for readers before they are derived again: the sweep's interval. */
const MATERIALISE_TTL_MS = 5 * 60_000;

/**
 * Due meetings: derived from the schedule, written as slots, closed as missing when their
 * deadline passes, and read by the board, the wall and the missing list.
 */
export class ComplianceService {
  private readonly fresh = new Map<string, number>();

  constructor(
    private readonly slots: DueMeetingRepository,
    private readonly stats: ComplianceStatsRepository,
    private readonly access: EnterpriseAccess,
    private readonly jobs: JobQueue,
    readonly settings: ComplianceSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Derives the slots due on `date` (for one enterprise, or all) and writes them. */
  async materialise(date: string, enterpriseId?: string): Promise<number> {
    const schedule = await this.slots.loadSchedule({ enterpriseId }, [date]);
    const due = dueMeetings(date, schedule, this.settings.reportGraceMinutes).map((s): DueSlotWrite => ({
      ...s,
      ...schedule.enterprises.get(s.enterpriseId)!,
    }));
    await this.slots.materialise(date, due, enterpriseId ? [enterpriseId] : undefined);
    return due.length;
  }

  /**
   * The `compliance.sweep` job: today's and tomorrow's slots (a midnight shift's window opens the
   * evening before), then every open slot past its deadline is closed as missing and reminded.
   */
  async sweep(log: Logger): Promise<void> {
    const today = shanghaiDate(this.now());
    const counts = [await this.materialise(today), await this.materialise(addDays(today, 1))];
    const missing = await this.slots.closeMissing(this.now());
    for (const dueMeetingId of missing) await this.jobs.send('reminders.missing', { dueMeetingId }, { singletonKey: dueMeetingId });
    const withoutEvidence = await this.slots.flagWithoutEvidence(this.now());
    log.info({ today, due: counts[0], dueTomorrow: counts[1], closedAsMissing: missing.length, withoutEvidence }, 'compliance sweep');
  }

  /**
   * The slot a report for team × shift × date fills: the materialised one, or one derived now (a
   * report may come before the sweep ran, or for a day the shift does not normally run).
   */
  async slotFor(team: { id: string; enterpriseId: string }, shift: ShiftTimes & { id: string }, date: string): Promise<DueMeetingRow> {
    const existing = await this.slots.findSlot(team.id, shift.id, date);
    if (existing) return existing;
    const schedule = await this.slots.loadSchedule({ teamId: team.id }, [date]);
    const grouping = schedule.enterprises.get(team.enterpriseId);
    const derived = dueMeetings(date, schedule, this.settings.reportGraceMinutes).find((s) => s.shiftId === shift.id);
    const slot = derived ?? { enterpriseId: team.enterpriseId, teamId: team.id, shiftId: shift.id, date, ...this.slotTimes(shift, date) };
    if (!grouping) throw new Error(`enterprise ${team.enterpriseId} of team ${team.id} has no active schedule`);
    return this.slots.addSlot({ ...slot, ...grouping });
  }

  /** Both timeliness facts of a report for `slot`: held on time, reported on time. */
  factsOf(slot: DueMeetingRow, report: { reportedAt: Date; startedAt: Date }): ReportFacts {
    return {
      reportedOnTime: reportedOnTime(report.reportedAt, { ...slot, closedAsMissing: slot.status === 'MISSING' }),
      heldOnTime: heldOnTime(report.startedAt, slot),
    };
  }

  /**
   * Writes a report onto its slot with its facts (from {@link factsOf}). `reportedAt` is the first
   * report's time even when an edit moves the meeting to another slot, so an edit cannot make a
   * late report on time.
   */
  async recordReport(slot: DueMeetingRow, report: { meetingId: string; reportedAt: Date }, facts: ReportFacts): Promise<void> {
    await this.slots.recordReport(slot.id, {
      meetingId: report.meetingId,
      reportedAt: report.reportedAt,
      evidenceBy: evidenceDeadline(report.reportedAt, this.settings.reportGraceMinutes),
      ...facts,
    });
  }

  /** After an edit: the same slot gets the new start; another slot takes the report and the old one is released. */
  async moveReport(meetingId: string, slot: DueMeetingRow, report: { reportedAt: Date; startedAt: Date }): Promise<ReportFacts> {
    const previous = await this.slots.findByMeeting(meetingId);
    if (previous?.id === slot.id) {
      const held = heldOnTime(report.startedAt, slot);
      await this.slots.updateHeld(slot.id, held);
      return { reportedOnTime: previous.reportedOnTime ?? false, heldOnTime: held };
    }
    if (previous) await this.slots.releaseSlot(previous.id, this.now());
    const facts = this.factsOf(slot, report);
    await this.recordReport(slot, { meetingId, reportedAt: report.reportedAt }, facts);
    return facts;
  }

  /** The reporting deadline of a shift's meeting on `date` by its current times, for checking a report before it is written. */
  slotTimes(shift: ShiftTimes, date: string): SlotTimes & { start: Date } {
    const window = meetingWindow(shift, date);
    return { ...window, reportBy: new Date(window.dueUntil.getTime() + this.settings.reportGraceMinutes * 60_000) };
  }

  /** Each team × shift of the enterprise due on `date`, with its state now. */
  async board(actor: Actor, enterpriseId: string, date?: string): Promise<Board> {
    await this.access.assertCanRead(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    const day = date ?? shanghaiDate(this.now());
    await this.materialise(day, enterpriseId);
    const now = this.now();
    const rows = await this.slots.forDay({ kind: 'enterprise', enterpriseId }, {}, day);
    const notes = await this.slots.correctionNotes(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])));
    const entries = rows
      .map((r) => ({
        team: r.team,
        shift: {
          id: r.shift.id,
          name: r.shift.name,
          startTime: clockFromMinutes(r.shift.startMinute),
          endTime: clockFromMinutes(r.shift.endMinute),
        },
        dueFrom: r.dueFrom.toISOString(),
        dueUntil: r.dueUntil.toISOString(),
        reportBy: r.reportBy.toISOString(),
        state: slotState(now, r),
        meetingId: r.meetingId,
        heldOnTime: r.heldOnTime,
        evidenceCount: r.evidenceCount,
        flagCount: r.flagCount,
        reviewStatus: r.meetingId ? (notes.get(r.meetingId)?.reviewStatus ?? null) : null,
        correctionNote: r.meetingId ? (notes.get(r.meetingId)?.correctionNote ?? null) : null,
      }))
      .sort((a, b) => a.dueFrom.localeCompare(b.dueFrom) || a.team.name.localeCompare(b.team.name));
    return { date: day, enterpriseId, entries };
  }

  /** Every slot of `date`, for internal callers (demo data, the benchmark). */
  slotsOf(date: string): Promise<DueMeetingRow[]> {
    return this.slots.forDay({ kind: 'all' }, {}, date);
  }

  /** The counts for the command centre's header over the filtered enterprises in scope. */
  async wallStats(actor: Actor, query: WallQuery): Promise<WallStats> {
    const day = query.date ?? shanghaiDate(this.now());
    await this.ensureFresh(day);
    const now = this.now();
    const rows = await this.slots.forDay(meetingScopeOf(actor), query, day);
    const counts = { due: 0, reported: 0, late: 0, noEvidence: 0, missing: 0 };
    for (const r of rows) {
      const state = slotState(now, r);
      if (state !== 'UPCOMING') counts.due++;
      if (state === 'REPORTED' || state === 'LATE' || state === 'NO_EVIDENCE') counts.reported++;
      if (state === 'LATE') counts.late++;
      if (state === 'NO_EVIDENCE') counts.noEvidence++;
      if (state === 'MISSING') counts.missing++;
    }
    return { date: day, ...counts, enterprises: new Set(rows.map((r) => r.enterprise.id)).size };
  }

  /** Meetings due on the date and not reported by their deadline, in the actor's scope. */
  async missing(actor: Actor, query: MissingQuery): Promise<MissingList> {
    const day = query.date ?? shanghaiDate(this.now());
    await this.ensureFresh(day);
    const { items, total } = await this.slots.missing(meetingScopeOf(actor), query, day, this.now(), query);
    return {
      date: day,
      total,
      items: items.map((r) => ({
        id: r.id,
        date: r.date,
        enterprise: { id: r.enterprise.id, name: r.enterprise.name },
        zone: r.zone,
        industry: r.industry,
        team: r.team,
        shift: {
          id: r.shift.id,
          name: r.shift.name,
          startTime: clockFromMinutes(r.shift.startMinute),
          endTime: clockFromMinutes(r.shift.endMinute),
        },
        window: { from: r.dueFrom.toISOString(), until: r.dueUntil.toISOString() },
        reportBy: r.reportBy.toISOString(),
        remindedAt: r.remindedAt?.toISOString() ?? null,
      })),
    };
  }

  /** Reporting over a period (default the last 30 days) for the bureau's roles, zone officers their zone. */
  async dashboard(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
    requireRole(actor, 'ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR');
    const today = shanghaiDate(this.now());
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -29);
    if (from > to) throw new ValidationError([{ field: 'from', code: 'RANGE_REVERSED', message: 'must not be after `to`' }]);
    if (daysBetween(from, to) > MAX_DASHBOARD_DAYS)
      throw new ValidationError([
        { field: 'from', code: 'RANGE_TOO_LONG', params: { days: MAX_DASHBOARD_DAYS }, message: `at most ${MAX_DASHBOARD_DAYS} days` },
      ]);
    if (to >= today) await this.ensureFresh(today);
    const scope = meetingScopeOf(actor);
    const period = { from, to, now: this.now() };
    const [rows, topMissing, flagsByKind, names] = await Promise.all([
      this.stats.counts(scope, query, period),
      this.stats.topMissing(scope, query, period, 10),
      this.stats.flagsByKind(scope, query, period),
      this.stats.names(),
    ]);
    // Every view is a sum of the day × zone × industry rows, grouped by one of their keys.
    const sums = (key: 'date' | 'zoneId' | 'industryId') => {
      const groups = new Map<string, StateCounts>();
      for (const row of rows) groups.set(row[key], addCounts(groups.get(row[key]) ?? zeroCounts(), row));
      return [...groups.entries()];
    };
    const named = (entries: [string, StateCounts][], nameOf: Map<string, string>) =>
      entries.map(([id, counts]) => ({ id, name: nameOf.get(id) ?? '', ...counts })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return {
      from,
      to,
      totals: rows.reduce<StateCounts>(addCounts, zeroCounts()),
      byZone: named(sums('zoneId'), names.zones),
      byIndustry: named(sums('industryId'), names.industries),
      byDay: sums('date')
        .map(([date, counts]) => ({ date, ...counts }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      topMissing,
      flagsByKind,
    };
  }

  /**
   * The sweep writes slots every few minutes; a reader of a day it has not written (a test, a
   * fresh install, a past date) derives it first: a past day once per process, today at the sweep's pace.
   */
  private async ensureFresh(date: string): Promise<void> {
    const at = this.fresh.get(date);
    // A past day's slots only change through reports and calendar edits, which write them
    // themselves: one derivation per process is enough. Today's follow the sweep's pace.
    const past = date < shanghaiDate(this.now());
    if (at !== undefined && (past || Date.now() - at < MATERIALISE_TTL_MS)) return;
    await this.materialise(date);
    this.fresh.set(date, Date.now());
  }
}
