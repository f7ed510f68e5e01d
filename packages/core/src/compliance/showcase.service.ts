import type { Meeting, MeetingQuery, MeetingSummary, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import { NotFoundError } from '../errors/index.ts';
import type { MediaService } from '../media/media.service.ts';
import type { MeetingRepository } from '../meetings/meeting.port.ts';

/** Everyone who runs or supervises meetings may learn from the best ones; workers see their courses instead. */
const SHOWCASE_ROLES = ['ENTERPRISE_OFFICER', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR', 'ADMIN'] as const;

/** True when the actor may see best-practice meetings (the library shows its 优秀班前会 section to them only). */
export function mayViewShowcase(actor: Actor): boolean {
  return (SHOWCASE_ROLES as readonly string[]).includes(actor.role);
}

/**
 * Meetings reviewers marked as best practice (总结推广好的经验做法), open to every enterprise. What
 * is shown is the practice, not the people: attendance names, absence reasons, flags and the review
 * trail of another enterprise stay with those entitled to them.
 */
export class ShowcaseService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly media: MediaService,
  ) {}

  list(actor: Actor, query: { page: number; pageSize: number }): Promise<Page<MeetingSummary>> {
    requireRole(actor, ...SHOWCASE_ROLES);
    const best: MeetingQuery = { ...query, bestPractice: 'true', sort: 'meetingDate', order: 'desc' };
    return this.meetings.list({ kind: 'all' }, best);
  }

  async get(actor: Actor, id: string): Promise<Meeting> {
    requireRole(actor, ...SHOWCASE_ROLES);
    const meeting = await this.meetings.findById(id);
    if (!meeting?.bestPractice) throw new NotFoundError('meeting', id);
    const { enterpriseId: _e, zoneId: _z, flags: _f, ...rest } = meeting;
    const mediaDetails = await Promise.all(meeting.media.map((m) => this.media.get(actor, m.id, { showcase: true })));
    return {
      ...rest,
      attendance: [],
      checkNotes: null,
      flags: [],
      reviews: meeting.reviews.filter((r) => r.action === 'MARK_BEST_PRACTICE'),
      removedMedia: [],
      editable: false,
      mediaRemovable: false,
      mediaDetails,
    };
  }
}
