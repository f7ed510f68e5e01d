// What the player has actually played, from the video element's time updates. Pure.

/** A played stretch of media time in seconds. */
export type PlayedRange = [start: number, end: number];

/**
 * The longest step between two time updates that is still continuous playback. Browsers fire
 * `timeupdate` every 15–250 ms; at 1.5× that is under 0.4 s of media. Anything longer is a jump
 * (a seek, a stall resolved by skipping) and is not counted as played.
 */
const MAX_STEP_SECONDS = 1.5;

/**
 * Turns playhead samples into played ranges. Only continuous forward movement while counting
 * (playing, tab visible, no presence check open) becomes a range; a seek breaks the chain, so a
 * dragged playhead adds nothing but what is played after it.
 */
export class PlayTracker {
  #last: number | null = null;
  #pending: PlayedRange[] = [];
  /** Seconds played in this viewing (what presence checks are measured in). */
  played = 0;

  /** A playhead sample; `counting` is false while paused, hidden or held by a check. */
  sample(time: number, counting: boolean): void {
    if (!counting || !Number.isFinite(time)) {
      this.#last = null;
      return;
    }
    const last = this.#last;
    this.#last = time;
    if (last === null) return;
    const step = time - last;
    if (step <= 0 || step > MAX_STEP_SECONDS) return;
    const previous = this.#pending.at(-1);
    if (previous && Math.abs(previous[1] - last) < 1e-6) previous[1] = time;
    else this.#pending.push([last, time]);
    this.played += step;
  }

  /** A seek started: the next sample starts a new chain. */
  jump(): void {
    this.#last = null;
  }

  /** The ranges played since the last call, rounded to tenths, and forgets them. */
  take(): PlayedRange[] {
    const taken = this.#pending.map(([a, b]): PlayedRange => [Math.round(a * 10) / 10, Math.round(b * 10) / 10]).filter(([a, b]) => b > a);
    this.#pending = [];
    // The chain goes on from where it stopped: the next range starts at the current sample.
    return taken;
  }
}
