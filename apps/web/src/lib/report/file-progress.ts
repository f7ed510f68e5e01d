/** What one file's row shows while it is compressed, sent and processed. */
export type FilePhase = 'waiting' | 'compressing' | 'ready' | 'uploading' | 'retrying' | 'processing' | 'done' | 'failed';

export interface FileProgress {
  phase: FilePhase;
  /** 0–1 within the phase. */
  fraction: number;
  /** Seconds left in the phase, once there is enough to estimate from. */
  etaSeconds: number | null;
}

/**
 * Remaining time from progress so far: elapsed × (what is left ÷ what is done). Null until a
 * second has passed and something moved, so the first jumpy guesses are not shown. Pure.
 */
export function estimateSeconds(startedAt: number, now: number, fraction: number): number | null {
  const elapsed = (now - startedAt) / 1000;
  if (elapsed < 1 || fraction <= 0.01) return null;
  if (fraction >= 1) return 0;
  return Math.ceil((elapsed * (1 - fraction)) / fraction);
}
