import { describe, expect, it } from 'vitest';
import { clock } from './clock.ts';

describe('clock', () => {
  it('shows media lengths as players do', () => {
    expect(clock(0.3)).toBe('0:00');
    expect(clock(7.9)).toBe('0:07');
    expect(clock(65)).toBe('1:05');
    expect(clock(3723)).toBe('1:02:03');
  });
});
