// What to do about a fatal hls.js error: the recovery hls.js documents (reload on network
// errors, recoverMediaError on decoder errors), within a budget, then give up visibly.
// Pure, so the rules are tested without a browser.

/** Fatal errors tolerated of each kind before the player gives up and shows an error. */
export const RECOVERY_BUDGET = { network: 3, media: 2 } as const;

export type RecoveryAction =
  /** `hls.startLoad()` (or `loadSource` again if no manifest was ever parsed), after `delayMs`. */
  | { kind: 'reload'; delayMs: number }
  /** `hls.recoverMediaError()` (a second time swaps the audio codec guess as hls.js advises). */
  | { kind: 'recover-media'; swapAudioCodec: boolean }
  | { kind: 'give-up' };

export interface RecoveryState {
  network: number;
  media: number;
}

export const FRESH: RecoveryState = { network: 0, media: 0 };

/**
 * The next step after a fatal error of hls.js `type` ('networkError', 'mediaError', other), and
 * the budget used so far. The caller resets the state to FRESH once playback progresses again,
 * so a wall that runs for days is not worn down by rare, unrelated hiccups.
 */
export function nextRecovery(type: string, used: RecoveryState): { action: RecoveryAction; used: RecoveryState } {
  if (type === 'networkError' && used.network < RECOVERY_BUDGET.network) {
    // 1 s, 2 s, 4 s: a restarting server or a flapping link gets a moment to come back.
    return { action: { kind: 'reload', delayMs: 1000 * 2 ** used.network }, used: { ...used, network: used.network + 1 } };
  }
  if (type === 'mediaError' && used.media < RECOVERY_BUDGET.media) {
    return { action: { kind: 'recover-media', swapAudioCodec: used.media > 0 }, used: { ...used, media: used.media + 1 } };
  }
  return { action: { kind: 'give-up' }, used };
}
