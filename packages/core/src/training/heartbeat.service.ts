import { randomInt } from 'node:crypto';
import type { Heartbeat, HeartbeatAnswer, PresenceCheckPrompt } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors/index.ts';
import type { CertificateIssuer } from './certificates.ts';
import { advanceEnrolment } from './completion.ts';
import { firstUnanswered, isCovered, judgeHeartbeat, type ViewingState } from './heartbeat-rules.ts';
import type { HeartbeatWrite, LearningRepository, StoredViewing, ViewingUpdate } from './learning.port.ts';
import type { LearningPolicy } from './learning-policy.ts';
import { MicroBatcher } from './micro-batcher.ts';
import { coveredSeconds, type Range } from './watch-ranges.ts';

interface Submission {
  viewingId: string;
  userId: string;
  beats: Heartbeat[];
  receivedAt: Date;
}

/**
 * Receives heartbeats. Every heartbeat is judged by the rules (heartbeat-rules.ts) against the
 * viewing's stored state and kept, counted or not; requests arriving together are written in one
 * transaction (see MicroBatcher), each viewing under a row lock so two API instances never
 * interleave one learner's heartbeats.
 */
export class HeartbeatService {
  readonly #batcher: MicroBatcher<Submission, ViewingOutcome | null>;

  constructor(
    private readonly repo: LearningRepository,
    private readonly certificates: CertificateIssuer,
    private readonly policy: LearningPolicy,
    private readonly now: () => Date = () => new Date(),
    batching = { maxItems: 500, maxWaitMs: 10, concurrency: 2 },
  ) {
    this.#batcher = new MicroBatcher((items) => this.#write(items), batching);
  }

  async submit(actor: Actor, viewingId: string, beats: Heartbeat[]): Promise<HeartbeatAnswer> {
    if (!actor.userId) throw new NotFoundError('viewing', viewingId);
    const ordered = [...beats].sort((a, b) => a.seq - b.seq);
    const update = await this.#batcher.submit({ viewingId, userId: actor.userId, beats: ordered, receivedAt: this.now() });
    if (!update) throw new NotFoundError('viewing', viewingId);

    const check = update.askAt === null ? null : await this.#ask(viewingId, update.askAt);
    let courseCompleted = false;
    if (update.completedAt) {
      const viewing = await this.repo.findViewing(viewingId);
      const lesson = viewing && (await this.repo.findLessonForLearner(actor.userId, viewing.lessonId));
      if (lesson)
        courseCompleted = (
          await advanceEnrolment(this.repo, this.certificates, actor.userId, lesson.lesson.courseId, update.completedAt, actor)
        ).completed;
    }
    const written = new Map(update.heartbeats.map((h) => [h.seq, h]));
    return {
      results: ordered.map((beat) => {
        const stored = written.get(beat.seq);
        if (!stored) return { seq: beat.seq, outcome: 'duplicate', rejection: null, countedSeconds: 0 };
        return {
          seq: beat.seq,
          outcome: stored.rejection ? 'rejected' : 'counted',
          rejection: (stored.rejection as HeartbeatAnswer['results'][number]['rejection']) ?? null,
          countedSeconds: stored.countedSeconds,
        };
      }),
      progress: {
        watchedRanges: update.watched.map(([a, b]) => [a, b] as [number, number]),
        watchedSeconds: update.watchedSeconds,
        ...this.#progressOf(update),
      },
      check,
      nextCheckIn: update.askAt === null ? this.#nextCheckIn(update) : null,
      courseCompleted,
    };
  }

  async #write(items: Submission[]): Promise<(ViewingOutcome | null)[]> {
    const byViewing = new Map<string, Submission[]>();
    for (const item of items) byViewing.set(item.viewingId, [...(byViewing.get(item.viewingId) ?? []), item]);
    const updates = await this.repo.applyHeartbeats(
      [...byViewing.keys()],
      (viewing) => {
        // Someone else's viewing id: nothing is judged or stored, the caller gets 404.
        const own = (byViewing.get(viewing.id) ?? []).filter((s) => s.userId === viewing.userId);
        return own.length ? decideViewing(viewing, own, this.policy) : null;
      },
      this.now(),
    );
    const byId = new Map(updates.map((u) => [u.viewingId, u]));
    return items.map((item) => {
      const update = byId.get(item.viewingId);
      return update?.userId === item.userId ? update : null;
    });
  }

  #progressOf(update: ViewingOutcome) {
    const duration = update.durationSeconds;
    return {
      coverage: duration > 0 ? Math.min(1, Math.round((coveredSeconds(update.watched) / duration) * 1000) / 1000) : 0,
      completed: Boolean(update.completedAt || update.lessonCompleted),
    };
  }

  #nextCheckIn(update: ViewingOutcome): number | null {
    const mark = firstUnanswered(update);
    return mark === null ? null : Math.max(0, Math.round((mark - update.playedSeconds) * 10) / 10);
  }

  async #ask(viewingId: string, atSecond: number): Promise<PresenceCheckPrompt> {
    const check = await this.repo.openCheck(viewingId, atSecond, String(randomInt(10, 100)));
    return { id: check.id, challenge: check.challenge, choices: choicesFor(check.challenge) };
  }
}

/** The number to tap among two others, in random order. */
export function choicesFor(challenge: string): string[] {
  const choices = new Set([challenge]);
  while (choices.size < 3) choices.add(String(randomInt(10, 100)));
  return [...choices].sort(() => randomInt(3) - 1);
}

/** What a batch did to one viewing, with what the answer to the learner needs. */
export type ViewingOutcome = ViewingUpdate & {
  userId: string;
  durationSeconds: number;
  lessonCompleted: boolean;
  checkAt: number[];
  answered: number[];
};

/** Judges one viewing's heartbeats in order and returns what to store. Pure. */
export function decideViewing(viewing: StoredViewing, submissions: Submission[], policy: LearningPolicy): ViewingOutcome {
  let state: ViewingState = {
    durationSeconds: viewing.durationSeconds,
    startedAt: viewing.startedAt.getTime(),
    clientStartedAt: viewing.clientStartedAt.getTime(),
    lastClientAt: viewing.lastClientAt?.getTime() ?? null,
    lastSeq: viewing.lastSeq,
    endedAt: viewing.endedAt?.getTime() ?? null,
    playedSeconds: viewing.playedSeconds,
    checkAt: viewing.checkAt,
    answered: viewing.answered,
    watched: viewing.watched,
  };
  const heartbeats: HeartbeatWrite[] = [];
  let rejected = 0;
  let lastPosition: number | null = null;
  for (const submission of submissions) {
    for (const beat of submission.beats) {
      const ranges = beat.ranges.map(([a, b]): Range => [a, b]);
      const verdict = judgeHeartbeat(state, { seq: beat.seq, clientAt: beat.clientAt, ranges }, submission.receivedAt.getTime(), policy);
      if (verdict.kind === 'duplicate') continue;
      const write = { seq: beat.seq, clientAt: new Date(beat.clientAt), ranges };
      state = { ...state, lastSeq: beat.seq };
      if (verdict.kind === 'rejected') {
        rejected++;
        heartbeats.push({ ...write, countedSeconds: 0, rejection: verdict.rejection });
        continue;
      }
      heartbeats.push({ ...write, countedSeconds: verdict.countedSeconds, rejection: null });
      state = {
        ...state,
        lastClientAt: beat.clientAt,
        playedSeconds: Math.round((state.playedSeconds + verdict.playedSeconds) * 10) / 10,
        watched: verdict.watched,
      };
      lastPosition = beat.position;
    }
  }
  const mark = firstUnanswered(state);
  const receivedAt = submissions.at(-1)!.receivedAt;
  const nowCovered = isCovered(state.watched, viewing.durationSeconds, viewing.requiredCoverage);
  return {
    viewingId: viewing.id,
    userId: viewing.userId,
    durationSeconds: viewing.durationSeconds,
    lessonCompleted: viewing.lessonCompleted,
    checkAt: viewing.checkAt,
    answered: viewing.answered,
    heartbeats,
    lastSeq: state.lastSeq,
    lastClientAt: state.lastClientAt === null ? null : new Date(state.lastClientAt),
    playedSeconds: state.playedSeconds,
    watched: [...state.watched],
    watchedSeconds: coveredSeconds(state.watched),
    lastPosition: lastPosition ?? -1,
    rejected,
    completedAt: !viewing.lessonCompleted && nowCovered ? receivedAt : null,
    askAt: mark !== null && state.playedSeconds >= mark ? mark : null,
  };
}
