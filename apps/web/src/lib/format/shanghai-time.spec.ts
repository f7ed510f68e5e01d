import { describe, expect, it } from 'vitest';
import { addDays, isDay, shanghaiClock, shanghaiDateTime, shanghaiDay, shanghaiInstant, shanghaiTimeOnDay } from './shanghai-time.ts';

describe('Beijing time helpers', () => {
  it('reads instants in UTC+8 whatever the machine zone', () => {
    expect(shanghaiClock('2026-11-28T23:40:00Z')).toBe('07:40');
    expect(shanghaiDay(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
    expect(shanghaiDateTime('2026-11-28T15:59:00Z')).toBe('2026-11-28 23:59');
    expect(shanghaiClock(null)).toBe('');
    expect(shanghaiClock('not a time')).toBe('');
  });

  it('shows the day with the time only when it is not the meeting day in Beijing', () => {
    // 07:30 Beijing on the 29th is 23:30 UTC on the 28th: a UTC or local reading would get the day wrong.
    expect(shanghaiTimeOnDay('2026-11-28T23:30:00Z', '2026-11-29')).toBe('07:30');
    // A night shift's meeting held at 23:30 the evening before.
    expect(shanghaiTimeOnDay('2026-11-28T15:30:00Z', '2026-11-29')).toBe('2026-11-28 23:30');
    expect(shanghaiTimeOnDay(null, '2026-11-29')).toBe('');
  });

  it('writes a Beijing day and clock as an instant with offset', () => {
    expect(shanghaiInstant('2026-11-29', '07:30')).toBe('2026-11-29T07:30:00+08:00');
    expect(Date.parse(shanghaiInstant('2026-11-29', '07:30'))).toBe(Date.parse('2026-11-28T23:30:00Z'));
  });

  it('does calendar arithmetic across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('accepts only real days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});
