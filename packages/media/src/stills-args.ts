import { inputArgs } from './input-args.ts';

/**
 * The poster and the scrubbing sprite as ffmpeg filter chains over a decoded video stream. They
 * ride along as extra branches of the encode run, which decodes the source anyway; only a plan
 * with nothing to encode (a remux alone) needs a run of their own, {@link stillsArgs}.
 */

/** Candidate frames the `thumbnail` filter chooses the poster from. */
const POSTER_CANDIDATES = 90;

export interface SpritePlan {
  /** Seconds between thumbnails. */
  interval: number;
  count: number;
  columns: number;
  rows: number;
  thumbWidth: number;
  thumbHeight: number;
}

export interface StillsPlan {
  /** Seconds into the video where the poster's candidates start. */
  posterStart: number;
  posterWidth: number;
  posterHeight: number;
  sprite: SpritePlan;
}

/** Where the stills of a run go. */
export interface StillsOutput {
  poster: string;
  sprite: string;
  plan: StillsPlan;
}

/** At most 100 thumbnails of 160 px width in a 10-column grid. Pure. */
export function planSprite(durationSeconds: number, display: { width: number; height: number }): SpritePlan {
  const interval = Math.max(2, Math.ceil(durationSeconds / 100));
  const count = Math.max(1, Math.ceil(durationSeconds / interval));
  const columns = Math.min(10, count);
  const thumbWidth = 160;
  const thumbHeight = Math.max(2, Math.round((thumbWidth * display.height) / display.width / 2) * 2);
  return { interval, count, columns, rows: Math.ceil(count / columns), thumbWidth, thumbHeight };
}

// Below this a clip may hold only a frame or two, so the poster may come from its very start.
const SHORT_CLIP_SECONDS = 2;

/**
 * Poster at most 1280 px on its long side, chosen a little into the video (phones record black or
 * blurred first frames) unless the clip is too short to skip anything, and the sprite.
 * `display` is the top rendition's size. Pure.
 */
export function planStills(durationSeconds: number, display: { width: number; height: number }): StillsPlan {
  const scale = Math.min(1, 1280 / Math.max(display.width, display.height));
  return {
    posterStart: durationSeconds < SHORT_CLIP_SECONDS ? 0 : Math.min(durationSeconds * 0.1, 3),
    posterWidth: even(display.width * scale),
    posterHeight: even(display.height * scale),
    sprite: planSprite(durationSeconds, display),
  };
}

/**
 * Two filter chains, from the decoded streams labelled `posterIn` and `spriteIn` to `[poster]` and
 * `[sprite]`. The poster is ffmpeg's `thumbnail` filter, which picks the most typical frame of a
 * batch; the batch is cut to its size (so the branch stops taking frames once it has chosen) and
 * scaled first (so the frames it holds while choosing are poster-sized, not source-sized).
 * The sprite takes the first frame and then the first one at least `interval` later: unlike the
 * `fps` filter, that yields a thumbnail from a clip shorter than one interval, and it follows the
 * frames' own times in variable-frame-rate video.
 */
export function stillsFilters(posterIn: string, spriteIn: string, plan: StillsPlan): string[] {
  const s = plan.sprite;
  const start = plan.posterStart > 0 ? `trim=start=${plan.posterStart.toFixed(2)},` : '';
  return [
    `[${posterIn}]${start}trim=end_frame=${POSTER_CANDIDATES},scale=${plan.posterWidth}:${plan.posterHeight},thumbnail=${POSTER_CANDIDATES}[poster]`,
    `[${spriteIn}]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${s.interval})',scale=${s.thumbWidth}:${s.thumbHeight},tile=${s.columns}x${s.rows}[sprite]`,
  ];
}

/** The two JPEG outputs of {@link stillsFilters}; the sprite's single frame comes when its grid is full or the video ends. */
export function stillsOutputArgs(out: StillsOutput): string[] {
  return ['-map', '[poster]', '-frames:v', '1', '-q:v', '3', out.poster, '-map', '[sprite]', '-frames:v', '1', '-q:v', '5', out.sprite];
}

/** Poster and sprite in one run of their own, decoding the source once for both. */
export function stillsArgs(input: string, out: StillsOutput, limitSeconds?: number | null): string[] {
  const graph = ['[0:v]split=2[sp][ss]', ...stillsFilters('sp', 'ss', out.plan)].join(';');
  return ['-hide_banner', '-y', ...inputArgs(input, limitSeconds), '-filter_complex', graph, ...stillsOutputArgs(out)];
}

function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}
