import { AppError } from './app-error.ts';

/**
 * An export whose filters match more rows than one file may hold. Refused before the first byte
 * is sent, so the user narrows the filters instead of waiting for a file Excel cannot open.
 */
export class ExportTooLargeError extends AppError {
  override name = 'ExportTooLargeError';
  readonly code = 'EXPORT_TOO_LARGE';

  constructor(count: number, limit: number) {
    super(`The filters match ${count} rows; an export holds at most ${limit}. Narrow the filters.`, { params: { count, limit } });
  }
}
