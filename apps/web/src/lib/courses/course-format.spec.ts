import { describe, expect, it } from 'vitest';
import { formatSeconds, moved } from './course-format.ts';

describe('course pages', () => {
  it('shows lengths in minutes and seconds, nothing for an unknown length', () => {
    expect(formatSeconds(0)).toBe('—');
    expect(formatSeconds(42)).toBe('42秒');
    expect(formatSeconds(725)).toBe('12分05秒');
  });

  it('moves a lesson up or down by one, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
