import { AppError } from './app-error.ts';

/** The object does not exist, or exists outside the caller's scope (never reveal which). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';

  constructor(what: string, id?: string) {
    super(id ? `${what} ${id} was not found` : `${what} was not found`);
  }
}
