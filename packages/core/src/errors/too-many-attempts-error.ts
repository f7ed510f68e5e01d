import { AppError } from './app-error.ts';

/** Too many failed attempts; the caller must wait `retryAfterSeconds`. */
export class TooManyAttemptsError extends AppError {
  override name = 'TooManyAttemptsError';
  readonly code = 'ACCOUNT_LOCKED';
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(`Too many failed logins. This account is locked; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
