import { describe, expect, it } from 'vitest';
import { coveredSeconds, firstSeconds, mergeRanges, playedSeconds } from './watch-ranges.ts';

describe('mergeRanges', () => {
  it('sorts, joins overlapping and touching ranges, and drops empty ones', () => {
    expect(
      mergeRanges([
        [30, 40],
        [0, 10],
        [10, 12],
        [35, 50],
        [60, 60],
        [55, 58],
      ]),
    ).toEqual([
      [0, 12],
      [30, 50],
      [55, 58],
    ]);
  });

  it('keeps tenths so that many small heartbeats add up exactly', () => {
    const pieces = Array.from({ length: 30 }, (_, i): [number, number] => [i * 0.1, (i + 1) * 0.1]);
    expect(mergeRanges(pieces)).toEqual([[0, 3]]);
  });
});

describe('coveredSeconds and playedSeconds', () => {
  it('counts watched seconds once, however often they were replayed', () => {
    const replayed: [number, number][] = [
      [0, 10],
      [5, 15],
      [0, 10],
    ];
    expect(playedSeconds(replayed)).toBe(30);
    expect(coveredSeconds(mergeRanges(replayed))).toBe(15);
  });
});

describe('firstSeconds', () => {
  it('keeps the first seconds of a claim in the order they were played', () => {
    expect(
      firstSeconds(
        [
          [20, 25],
          [0, 10],
        ],
        8,
      ),
    ).toEqual([
      [20, 25],
      [0, 3],
    ]);
    expect(firstSeconds([[0, 10]], 0)).toEqual([]);
  });
});
