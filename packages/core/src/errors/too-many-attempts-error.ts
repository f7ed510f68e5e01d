import { AppError } from './app-error.ts';

/** Too many failed attempts; the caller must wait `retryAfterSeconds` (sent as the `minutes` param too). */
export class TooManyAttemptsError extends AppError {
  override name = 'TooManyAttemptsError';
  readonly code = 'ACCOUNT_LOCKED';
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many failed logins. This account is locked; try again in ${minutes} minute(s).`, { params: { minutes } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
