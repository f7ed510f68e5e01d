import type { ErrorCode } from '@platform/contracts';

/**
 * Why a file was refused or could not be processed: one of the registry's MEDIA_* codes (see
 * `ERROR_CODES` in the contracts for each one's meaning and params). The web app translates the
 * code; the English message next to it is for operators and never holds paths or tool output.
 */
export type MediaFailureCode = Extract<ErrorCode, `MEDIA_${string}`>;

export type MediaFailureParams = Record<string, string | number>;
