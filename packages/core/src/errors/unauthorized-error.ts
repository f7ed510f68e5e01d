import { AppError } from './app-error.ts';

/** No valid session or token: bad credentials, expired or revoked session. */
export class UnauthorizedError extends AppError {
  override name = 'UnauthorizedError';
  readonly code: string;

  constructor(message: string, code = 'UNAUTHORIZED') {
    super(message);
    this.code = code;
  }
}
