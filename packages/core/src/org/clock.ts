/** "07:30" → 450 minutes from midnight. Input is already validated as HH:MM. */
export function minutesFromClock(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** 450 → "07:30". */
export function clockFromMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
