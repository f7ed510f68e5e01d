import { AppError } from './app-error.ts';

/** The request clashes with existing data, e.g. a duplicate credit code or username. */
export class ConflictError extends AppError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
}
