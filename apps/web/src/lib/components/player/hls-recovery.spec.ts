import { describe, expect, it } from 'vitest';
import { FRESH, nextRecovery, RECOVERY_BUDGET, type RecoveryState } from './hls-recovery.ts';

function run(types: string[]): string[] {
  let used: RecoveryState = FRESH;
  return types.map((type) => {
    const next = nextRecovery(type, used);
    used = next.used;
    return next.action.kind === 'reload'
      ? `reload ${next.action.delayMs}`
      : next.action.kind === 'recover-media'
        ? `media${next.action.swapAudioCodec ? '+swap' : ''}`
        : 'give-up';
  });
}

describe('nextRecovery', () => {
  it('reloads after network errors with a growing delay, then gives up', () => {
    expect(run(Array(RECOVERY_BUDGET.network + 1).fill('networkError'))).toEqual(['reload 1000', 'reload 2000', 'reload 4000', 'give-up']);
  });

  it('recovers media errors, swapping the audio codec the second time, then gives up', () => {
    expect(run(['mediaError', 'mediaError', 'mediaError'])).toEqual(['media', 'media+swap', 'give-up']);
  });

  it('keeps separate budgets for network and media errors', () => {
    expect(run(['mediaError', 'networkError', 'mediaError', 'networkError'])).toEqual([
      'media',
      'reload 1000',
      'media+swap',
      'reload 2000',
    ]);
  });

  it('gives up at once on other fatal errors (e.g. a key or mux error)', () => {
    expect(run(['keySystemError'])).toEqual(['give-up']);
    expect(run(['muxError'])).toEqual(['give-up']);
  });
});
