import { describe, expect, it } from 'vitest';
import { planSprite, planStills, stillsArgs, stillsFilters } from './stills-args.ts';

describe('planStills', () => {
  it('chooses the poster a little into the video, at most 1280 px long', () => {
    expect(planStills(8, { width: 1920, height: 1080 })).toMatchObject({ posterStart: 0.8, posterWidth: 1280, posterHeight: 720 });
    expect(planStills(600, { width: 720, height: 1280 })).toMatchObject({ posterStart: 3, posterWidth: 720, posterHeight: 1280 });
    expect(planStills(60, { width: 638, height: 360 })).toMatchObject({
      posterWidth: 638,
      posterHeight: 360,
      sprite: planSprite(60, { width: 638, height: 360 }),
    });
  });

  it('takes the poster from the first frame of a clip too short to skip any', () => {
    expect(planStills(0.3, { width: 640, height: 360 })).toMatchObject({ posterStart: 0, sprite: { count: 1, columns: 1, rows: 1 } });
  });
});

describe('stillsFilters', () => {
  it('cuts the poster candidates to one batch of the thumbnail filter and tiles the sprite', () => {
    const [poster, sprite] = stillsFilters('a', 'b', planStills(60, { width: 1280, height: 720 }));
    expect(poster).toBe('[a]trim=start=3.00,trim=end_frame=90,scale=1280:720,thumbnail=90[poster]');
    expect(sprite).toBe("[b]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,2)',scale=160:90,tile=10x3[sprite]");
  });

  it('does not trim the poster candidates of a short clip', () => {
    const [poster] = stillsFilters('a', 'b', planStills(0.5, { width: 640, height: 360 }));
    expect(poster).toBe('[a]trim=end_frame=90,scale=640:360,thumbnail=90[poster]');
  });
});

describe('stillsArgs', () => {
  it('decodes once for both stills and writes one frame to each file', () => {
    const args = stillsArgs('in.mp4', { poster: 'p.jpg', sprite: 's.jpg', plan: planStills(6, { width: 640, height: 360 }) });
    expect(args.slice(0, 6)).toEqual([
      '-hide_banner',
      '-y',
      '-i',
      'in.mp4',
      '-filter_complex',
      expect.stringMatching(/^\[0:v\]split=2\[sp\]\[ss\];\[sp\]trim=.*\[poster\];\[ss\]select=.*\[sprite\]$/),
    ]);
    expect(args.slice(6)).toEqual([
      '-map',
      '[poster]',
      '-frames:v',
      '1',
      '-q:v',
      '3',
      'p.jpg',
      '-map',
      '[sprite]',
      '-frames:v',
      '1',
      '-q:v',
      '5',
      's.jpg',
    ]);
  });
});
