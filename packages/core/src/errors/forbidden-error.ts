import { AppError } from './app-error.ts';

/** The caller is known but their role may not perform this action. */
export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}
